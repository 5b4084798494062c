package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import dev.kiln.testing.FixtureSites;
import org.junit.jupiter.api.Test;

class PlainTextTests {
    /** The word count of a Markdown body, as a page's parse takes it. */
    private static int wordCount(String body) {
        return PlainText.wordsIn(PlainText.of(body));
    }

    @Test
    void theSummaryIsTheFirstParagraphWithoutItsMarkup() {
        var body = "# Title\n\n## Part\n\nSome **bold** and [a link](https://x.org) with `code`.\n\nSecond paragraph.\n";
        assertEquals("Some bold and a link with code.", PlainText.summaryOf(body));
    }

    @Test
    void theSummaryKeepsLinkTextAndAddressesAndDropsTagsAndMarks() {
        assertEquals("See logo and https://kiln.dev/a or .",
                PlainText.summaryOf("See [![logo](l.png)](https://x.org) and <https://kiln.dev/a> or <http://>."));
        assertEquals("Keep <> and ~ but not strike or ~, a b c.",
                PlainText.summaryOf("Keep <> and ~ but not ~~strike~~ or ~~~, *a* __b__ `c`."));
        assertEquals("Tabs and vertical tabs bold .", PlainText.summaryOf("Tabs\tand\u000Bvertical\ftabs <b>bold</b>."));
        assertEquals("A link over lines and [no target] (x).", PlainText.summaryOf("A [link\nover lines](u) and [no target] (x)."));
    }

    @Test
    void theSummaryDropsMarkupAsTheseRegularExpressionsWould() {
        // The summary's passes, as regular expressions: each a replacement of the text the one
        // before it left.
        var passes = List.of(
                java.util.Map.entry("!\\[([^\\]]*)]\\([^)]*\\)", "$1"), java.util.Map.entry("\\[([^\\]]*)]\\([^)]*\\)", "$1"),
                java.util.Map.entry("<(https?://[^>]+)>", "$1"), java.util.Map.entry("<[^>]+>", " "),
                java.util.Map.entry("(\\*\\*|__|\\*|_|~~|`)", ""), java.util.Map.entry("\\s+", " "));
        var pieces = List.of("![", "[", "]", "](", "(", ")", "<http://a.b/c>", "<https://x>", "<http://>", "<https//x>", "<>",
                "<a href=\"x\">", "</a>", "<", ">", "~~", "~", "~~~", "*", "**", "_", "`", "\t", "\u000B", "\u2003", "\n", " ",
                "word", "wörd", "!");
        var random = new java.util.SplittableRandom(20261128);
        for (int i = 0; i < 20_000; i++) {
            var text = new StringBuilder("Prose ");
            for (int piece = random.nextInt(30); piece > 0; piece--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            var expected = text.toString().replace("\n", " ");
            for (var pass : passes) {
                expected = java.util.regex.Pattern.compile(pass.getKey()).matcher(expected).replaceAll(pass.getValue());
            }
            assertEquals(expected.strip(), PlainText.summaryOf(text.toString().replace("\n", " ")), text.toString());
        }
    }

    @Test
    void aMoreMarkerEndsTheSummaryWhereTheAuthorSays() {
        var body = "First part.\n\nStill *summary*.\n<!--more-->\nThe rest.\n";
        assertEquals("First part. Still summary.", PlainText.summaryOf(body));
    }

    @Test
    void aLongFirstParagraphIsCutAtSeventyWords() {
        var body = "word ".repeat(100);
        assertEquals(String.join(" ", java.util.Collections.nCopies(70, "word")) + "…", PlainText.summaryOf(body));
    }

    @Test
    void wordsAndReadingTimeAreCountedAsHugoDoes() {
        assertEquals(4, wordCount("## Heading here\n\nTwo **words**\n"));
        assertEquals(0, PlainText.readingMinutes(0));
        assertEquals(1, PlainText.readingMinutes(1));
        assertEquals(1, PlainText.readingMinutes(213));
        assertEquals(2, PlainText.readingMinutes(214));
    }

    @Test
    void wordCountLeavesOutMarkupButKeepsCodeAndLinkText() {
        assertEquals(4, wordCount("See [the guide](../guide/install.md) now\n"));
        assertEquals(2, wordCount("```java\nvar x\n```\n"));
        assertEquals(2, wordCount("<span class=\"a b c\">two words</span>"));
        assertEquals(4, wordCount("| a | b |\n|---|---|\n| c | d |\n"));
        assertEquals(3, wordCount("> quoted - text <https://example.com>"));
        assertEquals(2, wordCount("- `code()` ![alt](x.png)"));
    }

    @Test
    void aScanAfterALongerOneSeesNothingOfIt() throws InterruptedException {
        // Each thread scans in scratch arrays of its own, reused: what an earlier, longer body
        // left there must not show in the next one's plain text or word count.
        var random = new java.util.SplittableRandom(7);
        var pieces = List.of("word ", "](", ")", "<", ">", "<http://x.org>", "\n", "```\n", "# ", "**", "`code`", "![a](b)",
                "[t](u)", " ", "-");
        var bodies = new java.util.ArrayList<String>();
        for (int i = 0; i < 400; i++) {
            var body = new StringBuilder();
            for (int n = random.nextInt(i % 10 == 0 ? 3000 : 12); n > 0; n--) {
                body.append(pieces.get(random.nextInt(pieces.size())));
            }
            bodies.add(body.toString());
        }
        for (var body : bodies) {
            var fresh = new String[2];
            var thread = new Thread(() -> {
                fresh[0] = PlainText.of(body);
                fresh[1] = String.valueOf(wordCount(body));
            });
            thread.start();
            thread.join();
            assertEquals(fresh[0], PlainText.of(body), body);
            assertEquals(fresh[1], String.valueOf(wordCount(body)), body);
        }
    }

    @Test
    void plainTextKeepsWordsAndCodeAndDropsMarkup() {
        assertEquals("Title Indented text and more", PlainText.of("# Title\r\n\r\n  Indented *text* and __more__\r\n"));
        assertEquals("int a = b; x", PlainText.of("```java\nint a = b;\n```\n~~~\nx\n~~~"));
        assertEquals("see https://example.org/a b or", PlainText.of("see <https://example.org/a b> or <mailto:x>"));
        assertEquals("Wow! alt and t and open(", PlainText.of("Wow! ![alt](i.png) and [t](u) and [open("));
        assertEquals("item quote a b code line", PlainText.of("- item\n> quote\n| a | b |\n    code line"));
        // Unicode's spaces part words, a no-break space does not.
        assertEquals("non\u00a0breaking em ideographic", PlainText.of("non\u00a0breaking\u2003em\u3000ideographic"));
        assertEquals(3, wordCount("non\u00a0breaking\u2003em\u3000ideographic"));
        assertEquals("a < b", PlainText.of("a < b"));
        assertEquals("go http now", PlainText.of("go <http> now"));
        assertEquals("go now", PlainText.of("go <htt> now"));
    }

    @Test
    void theThemesListsShowEachPagesSummaryAndItsPagesTheirReadingTime() {
        var files = new HashMap<>(FixtureSites.contentOnly());
        files.put("content/notes/two.md", "---\ntitle: Two\nsummary: Said by the author.\n---\nBody text.\n");
        var site = TestSite.of(files);
        assertEquals(List.of(), site.build().problems());
        var notes = site.output("notes/index.html");
        assertTrue(notes.contains("<p>A note.</p>"), notes);
        assertTrue(notes.contains("<p>Said by the author.</p>"), notes);
        assertTrue(site.output("notes/one/index.html").contains(" &middot; 1 min read"), site.output("notes/one/index.html"));
    }
}
