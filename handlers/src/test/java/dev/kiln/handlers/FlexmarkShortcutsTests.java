package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * kiln's shortcuts around flexmark ({@link Autolinks} instead of the autolink extension's
 * post-processor, {@link TextRenderer} instead of the core renderer's text) must give the same
 * HTML as flexmark's stock setup, on hand-picked edge cases and on random documents made of them.
 */
class FlexmarkShortcutsTests {
    private static final List<String> FRAGMENTS = List.of(
            "see https://example.org/a?b=1&c=2 now", "www.example.com/path", "WWW.EXAMPLE.COM", "wwwx.example",
            "www.", "mail me@example.org.", "x@y", "mailto:someone@example.net", "ftp://files.example.org/x",
            "foo:bar", "C:\\path\\to", "&amp;", "&copy; 2026", "&#64;", "&#x3a;", "AT&T", "&notanentity;",
            "http://a.example&amp;b", "https://example.org&copy;", "www.example.org&#46;com", "\\*not em\\*",
            "\\<tag>", "a < b > c \"quoted\" 'single'", "[link http://in.link](https://target.example)",
            "`code http://in.code`", "**bold www.bold.example**", "<http://angle.example>", "_under_score_",
            "~~del www.del.example~~", "héllo wörld ünïcode", "https://例え.jp/パス", "trailing\\", "x\\:y",
            "ww\\w.example.org", "![alt http://in.image](u.png)", "<span title=\"a&b\">inline html</span>",
            "footnote[^1]", "https://example.com/(paren)", "(https://example.com/in-parens)", "email.at@sub.example.co.uk,",
            "plain words with nothing special", "Kiln & co", "1 < 2", "quote \" mark");

    private final MarkdownHandler kiln = MarkdownHandler.gitHubFlavoured();
    private final Parser stockParser;
    private final HtmlRenderer stockRenderer;

    FlexmarkShortcutsTests() {
        var options = MarkdownHandler.options(List.of(TablesExtension.create(), StrikethroughExtension.create(),
                TaskListExtension.create(), AutolinkExtension.create(), FootnoteExtension.create(),
                Admonitions.extension())).toImmutable();
        stockParser = Parser.builder(options).build();
        stockRenderer = HtmlRenderer.builder(options).build();
    }

    private String stock(String markdown) {
        var document = stockParser.parse(Admonitions.fencesAsQuotes(markdown));
        Admonitions.fromQuotes(document);
        return stockRenderer.render(document);
    }

    @Test
    void everyFragmentAloneRendersAsFlexmarkRendersIt() {
        for (var fragment : FRAGMENTS) {
            assertEquals(stock(fragment), kiln.render(fragment).html(), fragment);
        }
    }

    @Test
    void autolinksAndEscapesStillHappen() {
        var html = kiln.render("see https://example.org/a?b=1&c=2, www.example.com and me@example.org\n\n"
                + "a < b & \"c\" \\*d\\* &copy;").html();
        assertTrue(html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">https://example.org/a?b=1&amp;c=2</a>"), html);
        assertTrue(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"), html);
        assertTrue(html.contains("<a href=\"mailto:me@example.org\">me@example.org</a>"), html);
        assertTrue(html.contains("a &lt; b &amp; &quot;c&quot; *d* ©"), html);
    }

    @Test
    void randomDocumentsRenderAsFlexmarkRendersThem() {
        var random = new SplittableRandom(20261127);
        for (int document = 0; document < 400; document++) {
            var markdown = randomDocument(random);
            assertEquals(stock(markdown), kiln.render(markdown).html(), markdown);
        }
    }

    private static String randomDocument(SplittableRandom random) {
        var out = new StringBuilder();
        int blocks = 1 + random.nextInt(8);
        for (int block = 0; block < blocks; block++) {
            switch (random.nextInt(8)) {
                case 0 -> out.append("#".repeat(1 + random.nextInt(3))).append(' ').append(line(random));
                case 1 -> out.append("- ").append(line(random)).append("\n- [ ] ").append(line(random));
                case 2 -> out.append("> ").append(line(random)).append("\n> ").append(line(random));
                case 3 -> out.append("| a | ").append(fragment(random)).append(" |\n|-|-|\n| ")
                        .append(fragment(random)).append(" | ").append(fragment(random)).append(" |");
                case 4 -> out.append("```\n").append(line(random)).append("\n```");
                case 5 -> out.append("[^1]: ").append(line(random));
                case 6 -> out.append("> [!NOTE]\n> ").append(line(random));
                default -> out.append(line(random)).append('\n').append(line(random));
            }
            out.append("\n\n");
        }
        var text = out.toString();
        return random.nextInt(4) == 0 ? text.replace("\n", "\r\n") : text;
    }

    private static String line(SplittableRandom random) {
        var out = new StringBuilder();
        int fragments = 1 + random.nextInt(5);
        for (int i = 0; i < fragments; i++) {
            // Fragments side by side, without a space now and then, so that text runs into entities.
            out.append(i == 0 ? "" : random.nextInt(5) == 0 ? "" : " ").append(fragment(random));
        }
        return out.toString();
    }

    private static String fragment(SplittableRandom random) {
        return FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
    }
}
