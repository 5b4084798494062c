package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectHtml} must write exactly what flexmark's renderer writes with kiln's options, for
 * every document it answers, and must leave to flexmark what it does not know.
 */
class DirectHtmlTests {
    private static final List<String> INLINES = List.of(
            "plain words", "*em*", "**strong**", "***both***", "`code`", "`` a  `b`  c ``", "~~gone~~",
            "[link](https://example.org/a?b=1&c=2)", "[titled](../x.md \"A &amp; B\")", "[esc](a\\_b.md 'it\\'s')",
            "![alt *text*](/img/a.png)", "![titled](a.png \"T\")", "a < b & \"c\" > d", "&copy; &#169; &#xA9;",
            "\\*not em\\*", "héllo wörld", "[`code` link](#anchor)", "[entity](https://x.example/&amp;y)",
            "[amp](https://x.example/?a&b)", "[ref](https://x.example/&#x41;)", "snake_case_word", "1 * 2 * 3",
            "see https://example.org/x?a=1&b=2 now", "www.example.com/path", "mail me@example.org.", "<https://angle.example>",
            "an <span class=\"x\">inline</span>", "a <!-- note -->", "[defined][r1]", "[also][R2]", "[R2]");

    private final Parser parser;
    private final HtmlRenderer flexmark;

    DirectHtmlTests() {
        var options = MarkdownHandler.options(MarkdownHandler.extensions()).toImmutable();
        parser = Parser.builder(options).build();
        flexmark = HtmlRenderer.builder(options).build();
    }

    private Document parse(String markdown) {
        var document = parser.parse(Admonitions.fencesAsQuotes(markdown));
        Autolinks.link(document);
        Admonitions.fromQuotes(document);
        return document;
    }

    @Test
    void typicalPagesAreWrittenDirectlyAsFlexmarkWritesThem() {
        var random = new SplittableRandom(20261128);
        int direct = 0;
        for (int i = 0; i < 600; i++) {
            var markdown = randomDocument(random);
            var html = DirectHtml.render(parse(markdown));
            if (html != null) {
                direct++;
                assertEquals(flexmark.render(parse(markdown)), html, markdown);
            }
        }
        // Nearly all of them: only a line starting with blanks inside a paragraph falls back.
        assertTrue(direct >= 540, direct + " of 600 written directly");
    }

    @Test
    void headingsGetFlexmarksIdsDuplicatesNumbered() {
        var document = parse("# Intro\n\n## Intro\n\n> ### Intro *again*\n\n- # In a list\n");
        var html = DirectHtml.render(document);
        assertEquals("<h1 id=\"intro\">Intro</h1>\n<h2 id=\"intro-1\">Intro</h2>\n<blockquote>\n"
                + "<h3 id=\"intro-again\">Intro <em>again</em></h3>\n</blockquote>\n<ul>\n"
                + "<li>\n<h1 id=\"in-a-list\">In a list</h1>\n</li>\n</ul>\n", html);
        assertEquals(flexmark.render(parse("# Intro\n\n## Intro\n\n> ### Intro *again*\n\n- # In a list\n")), html);
    }

    @Test
    void documentsWithOtherNodesAreLeftToFlexmark() {
        for (var markdown : List.of("Text[^1]\n\n[^1]: note", "<div>html</div>", "a <span>b</span>", "a <span\nclass=\"x\">b</span>",
                "- [ ] task", "[ref][r]\n\n[r]: https://example.org", "[undefined][nope]", "![image ref][r]\n\n[r]: a.png", "> [!NOTE]\n> admonition", "    indented code",
                "<https://example.org>", "a\n   b")) {
            var document = parse(markdown);
            if (DirectHtml.render(document) != null) {
                assertEquals(flexmark.render(parse(markdown)), DirectHtml.render(document), markdown);
            }
        }
        assertNull(DirectHtml.render(parse("Text[^1]\n\n[^1]: note")));
        assertNull(DirectHtml.render(parse("- [ ] task")));
        assertNull(DirectHtml.render(parse("a <span\nclass=\"x\">b</span>")));
        assertNotNull(DirectHtml.render(parse("just *a* paragraph")));
    }

    private static String randomDocument(SplittableRandom random) {
        var out = new StringBuilder();
        int blocks = 1 + random.nextInt(10);
        for (int block = 0; block < blocks; block++) {
            out.append(block(random, "", 0)).append("\n\n");
        }
        out.append("[r1]: https://r.example/a?b&c \"Title & more\"\n[r2]: <../page.md>\n");
        var text = out.toString();
        return random.nextInt(5) == 0 ? text.replace("\n", "\r\n") : text;
    }

    private static String block(SplittableRandom random, String prefix, int depth) {
        return switch (random.nextInt(depth > 1 ? 4 : 13)) {
            case 0, 1 -> prefix + line(random) + (random.nextBoolean() ? "\n" + prefix + line(random) : "");
            case 2 -> prefix + "#".repeat(1 + random.nextInt(6)) + " " + line(random);
            case 3 -> prefix + line(random) + "  \n" + prefix + line(random);
            case 4 -> list(random, prefix, depth, false);
            case 5 -> list(random, prefix, depth, true);
            case 6 -> prefix + "> " + line(random) + "\n" + prefix + ">\n" + block(random, prefix + "> ", depth + 1);
            case 7 -> prefix + "```" + (random.nextBoolean() ? "java extra" : "") + "\n" + prefix + "int a = b < c && \"d\";\n"
                    + prefix + "  indented\n" + prefix + "```";
            case 8 -> table(random, prefix);
            case 10 -> prefix + "<div class=\"note\">\n" + prefix + "  <p>raw *not Markdown* & more</p>\n" + prefix + "</div>";
            case 11 -> prefix + "<!-- a comment\n" + prefix + "\n" + prefix + "  over lines -->" + (random.nextBoolean() ? "" : "\n" + prefix + line(random));
            case 9 -> prefix + (random.nextBoolean() ? "---" : "***")
                    + (depth == 0 ? "\n\n    indented <code> & \"text\"\n\n\n    more\n" : "");
            default -> prefix + "Setext " + line(random) + "\n" + prefix + (random.nextBoolean() ? "===" : "---");
        };
    }

    private static String list(SplittableRandom random, String prefix, int depth, boolean ordered) {
        var out = new StringBuilder();
        int items = 1 + random.nextInt(4);
        int start = random.nextInt(4) == 0 ? 3 : 1;
        boolean loose = random.nextInt(3) == 0;
        for (int item = 0; item < items; item++) {
            var marker = ordered ? (start + item) + ". " : "- ";
            var inner = prefix + " ".repeat(marker.length());
            out.append(prefix).append(marker).append(line(random)).append('\n');
            if (random.nextInt(4) == 0) {
                out.append(loose ? "\n" : "").append(block(random, inner, depth + 1)).append('\n');
            }
            if (loose && item < items - 1) {
                out.append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    private static String table(SplittableRandom random, String prefix) {
        var aligns = List.of("---", ":--", ":-:", "--:");
        int columns = 1 + random.nextInt(4);
        var out = new StringBuilder(prefix).append('|');
        for (int column = 0; column < columns; column++) {
            out.append(' ').append(inline(random)).append(" |");
        }
        out.append('\n').append(prefix).append('|');
        for (int column = 0; column < columns; column++) {
            out.append(aligns.get(random.nextInt(aligns.size()))).append('|');
        }
        for (int row = random.nextInt(4); row > 0; row--) {
            out.append('\n').append(prefix).append('|');
            for (int column = 0; column < columns; column++) {
                out.append(' ').append(random.nextInt(5) == 0 ? "" : inline(random)).append(" |");
            }
        }
        return out.toString();
    }

    private static String line(SplittableRandom random) {
        var out = new StringBuilder();
        for (int i = 1 + random.nextInt(5); i > 0; i--) {
            out.append(out.isEmpty() ? "" : " ").append(inline(random));
        }
        return out.toString();
    }

    private static String inline(SplittableRandom random) {
        return INLINES.get(random.nextInt(INLINES.size()));
    }
}
