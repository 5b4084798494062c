package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.RenderedMarkdown;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectMarkdown} must answer exactly what flexmark's path in {@link MarkdownHandler}
 * answers (HTML, headings with their ids, links with their lines) for every page it answers, and
 * must answer the typical page.
 */
class DirectMarkdownTests {
    /** Inline pieces inside the subset. */
    private static final List<String> TYPICAL_INLINES = List.of(
            "plain words", "Capital Words here", "*em*", "**strong**", "`code()`", "`a < b && \"c\"`",
            "[link](https://example.com/docs)", "[page](../guides/install-page-12.md)", "[anchor](#the-id)",
            "[query](/search?q=a+b;c=d%20e)", "end.", "what?", "so!", "\"quoted\" and 'single'", "a > b",
            "héllo wörld", "(*inside*)", "**bold**,", "*it*:", "1984 was", "C# and C++", "x = 1 + 2", "100%");

    /** Inline pieces at or past the edge of the subset. */
    private static final List<String> EDGE_INLINES = List.of(
            "***both***", "*a **b** c*", "* not em *", "a*b*c", "*x*y", "**x*", "*x**", "_under_", "snake_case",
            "~~gone~~", "~one~", "`` a `b` ``", "` spaced `", "`a  b`", "`unclosed", "[a]", "[a] (b)", "]", "[t](u \"title\")",
            "[t](a(b)c)", "[t](<a b>)", "[](empty)", "[e]()", "[*em* text](x)", "[`c`](x)", "![img](/a.png)",
            "![alt *em*](b.png)", "see https://example.org/x", "www.example.com", "WWW.EXAMPLE.COM", "me@example.org",
            "&amp;", "&copy;", "a & b", "<b>bold</b>", "<https://auto.example>", "\\*esc\\*", "a\\", "x|y", "[^1]",
            "a: b", "a://b", "[x]: y", "!not image", "!", "[!NOTE]", "*", "**", "`", "<", "{.class}", "emoji :smile:",
            "a\tb", "`tab\tcode`", "*tab\tem*", "[tab\tlink](x)", "trailing\t");

    private final MarkdownHandler flexmark = MarkdownHandler.gitHubFlavoured();

    /** Compares the direct answer with flexmark's; answers whether there was a direct answer. */
    private boolean matchesFlexmark(String markdown) {
        RenderedMarkdown direct = DirectMarkdown.render(markdown);
        if (direct == null) {
            return false;
        }
        var expected = flexmark.renderWithFlexmark(markdown);
        assertEquals(expected.html(), direct.html(), markdown);
        assertEquals(expected.headings(), direct.headings(), markdown);
        assertEquals(expected.links(), direct.links(), markdown);
        return true;
    }

    @Test
    void typicalPagesAreRenderedDirectlyAsFlexmarkRendersThem() {
        var random = new SplittableRandom(20261128);
        for (int i = 0; i < 1500; i++) {
            var markdown = document(random, false);
            assertTrue(matchesFlexmark(markdown), "not rendered directly:\n" + markdown);
        }
    }

    @Test
    void pagesAtTheEdgeAreEitherRenderedAsFlexmarkRendersThemOrLeftToIt() {
        var random = new SplittableRandom(1128);
        int direct = 0;
        for (int i = 0; i < 10000; i++) {
            if (matchesFlexmark(document(random, true))) {
                direct++;
            }
        }
        // Enough of them are answered for the comparison to mean something.
        assertTrue(direct > 500, direct + " of 10000 rendered directly");
    }

    @Test
    void eachEdgeCaseAloneIsRenderedAsFlexmarkDoesOrLeftToIt() {
        for (var inline : EDGE_INLINES) {
            for (var markdown : List.of(inline, "Text " + inline + " text.", "## " + inline, "- " + inline,
                    "> " + inline, "| a | b |\n|---|---|\n| " + inline + " | x |", "1. " + inline)) {
                matchesFlexmark(markdown);
            }
        }
    }

    @Test
    void blocksFlexmarkWouldReadOtherwiseAreLeftToIt() {
        for (var markdown : List.of(
                "Para\n- item", "Para\n# heading", "Para\n===", "Para\n---", "Para\n| a |", "- a\n\n- b", "- a\nlazy",
                "> quote\nlazy", ">no space", "    indented", "```\nunclosed", "- [ ] task", "Text[^1]\n\n[^1]: note",
                "[ref]\n\n[ref]: /x", "::: note\nbody\n:::", "a\r\nb", "a\tb", "line  \nbreak", "## closed ##", "#nospace",
                "| a | b |\n|---|\n| 1 | 2 |", "<div>\nhtml\n</div>", "***", "- - -", "1. a\n2) b", "- a\n  - nested")) {
            assertNull(DirectMarkdown.render(markdown), markdown);
        }
    }

    @Test
    void headingIdsAreNumberedAndLinksKeepTheirLines() {
        var markdown = "# Intro\n\nText [a](x.md) and\nmore [b](y.md).\n\n## Intro\n\n| h |\n|:-:|\n| [c](z.md) |\n\n## Intro `x`\n";
        assertTrue(matchesFlexmark(markdown));
        var rendered = DirectMarkdown.render(markdown);
        assertEquals(List.of(new RenderedMarkdown.Heading(1, "Intro", "intro"), new RenderedMarkdown.Heading(2, "Intro", "intro-1"),
                new RenderedMarkdown.Heading(2, "Intro x", "intro-x")), rendered.headings());
        assertEquals(List.of(new RenderedMarkdown.Link("x.md", 3), new RenderedMarkdown.Link("y.md", 4),
                new RenderedMarkdown.Link("z.md", 10)), rendered.links());
        assertTrue(rendered.html().contains("<th align=\"center\">h</th>"), rendered.html());
    }

    // ---- random documents ----

    private static String document(SplittableRandom random, boolean edges) {
        var out = new StringBuilder();
        int blocks = 1 + random.nextInt(8);
        var previous = "";
        for (int block = 0; block < blocks; block++) {
            if (block > 0) {
                // Blocks are separated by a blank line, at the edge sometimes by none or by blanks.
                out.append(edges && random.nextInt(6) == 0 ? pick(random, "\n", "\n   \n", "\n\n\n") : "\n\n");
            }
            var next = block(random, edges);
            // Two lists of one kind a blank line apart are one loose list, which is not typical.
            while (!edges && sameListKind(next, previous)) {
                next = block(random, false);
            }
            out.append(next);
            previous = next;
        }
        if (random.nextBoolean()) {
            out.append('\n');
        }
        return out.toString();
    }

    private static boolean sameListKind(String block, String previous) {
        if (previous.isEmpty()) {
            return false;
        }
        char first = block.charAt(0);
        char before = previous.charAt(0);
        return Character.isDigit(first) ? Character.isDigit(before) : first == before && "-*+".indexOf(first) >= 0;
    }

    private static String block(SplittableRandom random, boolean edges) {
        return switch (edges && random.nextInt(5) == 0 ? 7 + random.nextInt(5) : random.nextInt(7)) {
            case 0, 1 -> paragraph(random, edges);
            case 2 -> "#".repeat(1 + random.nextInt(edges ? 7 : 6)) + (edges && random.nextInt(8) == 0 ? "  " : " ")
                    + line(random, edges) + (edges && random.nextInt(8) == 0 ? " #" : "");
            case 3 -> list(random, edges);
            case 4 -> quote(random, edges);
            case 5 -> fencedCode(random, edges);
            case 6 -> table(random, edges);
            case 7 -> pick(random, "---", "***", "___", "- - -", "===", "<div>\nhtml *x*\n</div>", "<!-- c -->");
            case 8 -> line(random, true) + "\n" + pick(random, "===", "---", "- item", "1. item", "2. item", "> q", "# h",
                    "```", "| a |", "    code", "  lead", "*em* start", "`c` start", "[l](x) start", "2019 year", "12.5 %");
            case 9 -> pick(random, "    indented code", " one blank", "  two blanks", "\tTab", "##\tTab heading", "-\ttab item",
                    "- \ttab item", ">\ttab quote", "> \ttab quote", "| a\t| b |\n|---|---|\n| 1 | 2 |", "Line\n\t\nafter a tab line");
            case 10 -> "- " + line(random, true) + "\n" + pick(random, "  continued", "lazy line", "  - nested", "\n  after blank");
            default -> line(random, true) + pick(random, "  ", " ", "\\") + "\n" + line(random, true);
        };
    }

    private static String paragraph(SplittableRandom random, boolean edges) {
        var out = new StringBuilder(line(random, edges));
        for (int more = random.nextInt(3); more > 0; more--) {
            out.append('\n').append(line(random, edges));
        }
        return out.toString();
    }

    private static String list(SplittableRandom random, boolean edges) {
        boolean ordered = random.nextBoolean();
        int start = pick(random, 1, 1, 1, 3, 10, 0);
        String bullet = pick(random, "-", "-", "*", "+");
        String delimiter = pick(random, ".", ".", ")");
        var out = new StringBuilder();
        int items = 1 + random.nextInt(5);
        for (int item = 0; item < items; item++) {
            if (item > 0) {
                out.append(edges && random.nextInt(10) == 0 ? "\n\n" : "\n");
            }
            var marker = ordered ? (start + item) + delimiter : bullet;
            if (edges && random.nextInt(10) == 0) {
                marker = pick(random, "-", "+", "1.", "2)", "-  ", "- [ ]", "- [x]", "007.", "1234567890.");
            }
            out.append(marker).append(' ').append(line(random, edges));
        }
        return out.toString();
    }

    private static String quote(SplittableRandom random, boolean edges) {
        var out = new StringBuilder("> ").append(line(random, edges));
        for (int more = random.nextInt(4); more > 0; more--) {
            out.append('\n').append(pick(random, ">", "> " + line(random, edges),
                    edges ? pick(random, ">" + line(random, true), "> ", "> > nested", "> - item", "> # h", "lazy") : ">"));
        }
        return out.toString();
    }

    private static String fencedCode(SplittableRandom random, boolean edges) {
        var fence = edges ? pick(random, "```", "```", "~~~", "````") : pick(random, "```", "~~~");
        var info = pick(random, "", "java", "python extra words", "yaml", edges ? pick(random, "a`b", "x&amp;y", "{.c}", " ", "go\tx", "\tgo") : "");
        var code = new StringBuilder();
        for (int lines = 1 + random.nextInt(5); lines > 0; lines--) {
            code.append(pick(random, "public final class A {", "    int a = b < c && \"d\";", "", "  <tag> & more",
                    "    return map.getOrDefault(key, 3);", "}", "   ", "\tfunc() {", "\t\treturn a\tb", "\t",
                    edges ? pick(random, "``", "~~", "  ```", "```` x", "\t```", "```\t") : "x"))
                    .append('\n');
        }
        var closing = edges ? pick(random, fence, fence, fence + "`", " " + fence, "", fence + " x") : fence;
        return fence + info + "\n" + code + closing;
    }

    private static String table(SplittableRandom random, boolean edges) {
        int columns = 1 + random.nextInt(5);
        var out = new StringBuilder(row(random, columns, edges)).append('\n');
        out.append('|');
        for (int column = 0; column < (edges && random.nextInt(8) == 0 ? columns + 1 : columns); column++) {
            out.append(pick(random, "---", "---", ":--", "--:", ":-:", " --- ", "-", edges ? pick(random, "", "x", "::") : "---")).append('|');
        }
        for (int rows = edges ? random.nextInt(4) : 1 + random.nextInt(4); rows > 0; rows--) {
            out.append('\n').append(row(random, edges ? Math.max(1, columns + random.nextInt(3) - 1) : columns, edges));
        }
        return out.toString();
    }

    private static String row(SplittableRandom random, int columns, boolean edges) {
        var out = new StringBuilder("|");
        for (int column = 0; column < columns; column++) {
            out.append(' ').append(pick(random, "word", "`code`", "4711", "*em*", "[l](x.md)", "**b**",
                    edges ? pick(random, "", "`a|b`", "a \\| b", "x  ") : "cell")).append(" |");
        }
        return edges && random.nextInt(6) == 0 ? out.substring(0, out.length() - 2) : out.toString();
    }

    private static String line(SplittableRandom random, boolean edges) {
        var out = new StringBuilder(pick(random, "Start", "The", "a", "Words"));
        for (int pieces = 1 + random.nextInt(6); pieces > 0; pieces--) {
            var inline = edges && random.nextInt(24) == 0 ? pick(random, EDGE_INLINES) : pick(random, TYPICAL_INLINES);
            out.append(edges && random.nextInt(12) == 0 ? "" : " ").append(inline);
        }
        return out.toString();
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String pick(SplittableRandom random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
