package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import dev.kiln.testing.FixtureSites;
import org.junit.jupiter.api.Test;

class PlainTextTests {

    @Test
    void theSummaryIsTheFirstParagraphWithoutItsMarkup() {
        var body = "# Title\n\n## Part\n\nSome **bold** and [a link](https://x.org) with `code`.\n\nSecond paragraph.\n";
        assertEquals("Some bold and a link with code.", PlainText.summaryOf(body));
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
        assertEquals(4, PlainText.wordCount("## Heading here\n\nTwo **words**\n"));
        assertEquals(0, PlainText.readingMinutes(0));
        assertEquals(1, PlainText.readingMinutes(1));
        assertEquals(1, PlainText.readingMinutes(213));
        assertEquals(2, PlainText.readingMinutes(214));
    }

    @Test
    void wordCountLeavesOutMarkupButKeepsCodeAndLinkText() {
        assertEquals(4, PlainText.wordCount("See [the guide](../guide/install.md) now\n"));
        assertEquals(2, PlainText.wordCount("```java\nvar x\n```\n"));
        assertEquals(2, PlainText.wordCount("<span class=\"a b c\">two words</span>"));
        assertEquals(4, PlainText.wordCount("| a | b |\n|---|---|\n| c | d |\n"));
        assertEquals(3, PlainText.wordCount("> quoted - text <https://example.com>"));
        assertEquals(2, PlainText.wordCount("- `code()` ![alt](x.png)"));
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
        assertEquals(3, PlainText.wordCount("non\u00a0breaking\u2003em\u3000ideographic"));
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
