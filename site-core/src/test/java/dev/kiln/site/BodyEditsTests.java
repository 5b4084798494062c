package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.ListFiles;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.RenderTemplate;
import dev.kiln.testing.FixtureSites;
import dev.kiln.testing.SyntheticSite;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An edit of pages' words, built as {@code kiln build} builds it: without the site (no listing,
 * no other page's trace checked), to the same bytes a clean build writes, leaving the traces a
 * whole build would leave.
 */
class BodyEditsTests {
    private static final String PAGE = "content/section-1/page-7.md";
    private static final String OTHER = "content/section-2/page-11.md";

    private static TestSite built() {
        var site = TestSite.of(SyntheticSite.generate(40, 3, 5, 9));
        assertTrue(site.build().succeeded());
        return site;
    }

    private static void append(TestSite site, String path, String text) {
        site.files.put(path, site.files.siteFiles().get(path).asUtf8() + text);
    }

    /** Answers whether the last build assembled the site: only then is content/ listed. */
    private static boolean assembledTheSite(TestSite site) {
        return site.lastMetrics().count(ListFiles.class) > 0;
    }

    private static void assertSameAsACleanBuild(TestSite site) {
        var text = new TreeMap<String, String>();
        site.files.siteFiles().forEach((path, bytes) -> text.put(path, bytes.asUtf8()));
        var clean = TestSite.of(text);
        var result = clean.build();
        assertTrue(result.succeeded(), result.problems().toString());
        assertEquals(clean.files.output(), site.files.output());
    }

    @Test
    void aBodyEditIsBuiltWithoutTheSiteToWhatACleanBuildWrites() {
        var site = built();
        append(site, PAGE, "\nA new closing paragraph with [a link](https://example.org/).\n");
        var result = site.build();
        assertEquals(List.of("index.json", "section-1/page-7/index.html"),
                result.written().stream().map(OutputPath::value).toList());
        assertFalse(assembledTheSite(site), "no listing of content/, no discovery");
        assertEquals(java.util.Set.of("site", "parse:" + PAGE, "file:index.json", "page:section-1/page-7/index.html"),
                site.lastTrace().rebuilt().keySet());
        assertEquals(0, site.lastTrace().skipped(), "not one other trace is checked");
        assertEquals(1, site.lastMetrics().count(RenderTemplate.class));
        assertTrue(site.output("section-1/page-7/index.html").contains("A new closing paragraph"));
        assertTrue(site.output("index.json").contains("A new closing paragraph"));
        assertSameAsACleanBuild(site);
    }

    @Test
    void afterAnEarlyRenderAsKilnServeDoesItTheBuildIsWithoutTheSiteToo() {
        var site = TestSite.of(SyntheticSite.generate(40, 3, 5, 9)).keepingLastBuild();
        assertTrue(site.build().succeeded());
        var kept = site.lastBuild();
        for (var words : List.of("\nWords shown early.\n", "\nMore words.\n")) {
            append(site, PAGE, words);
            assertTrue(site.renderEdited(PAGE).isPresent());
            var result = site.build();
            assertEquals(List.of("index.json", "section-1/page-7/index.html"),
                    result.written().stream().map(OutputPath::value).toList());
            assertFalse(assembledTheSite(site), "the page the early render wrote is one it writes again");
            assertTrue(kept == site.lastBuild(), "what kiln serve keeps still holds: the edit changed what only the page shows");
            assertSameAsACleanBuild(site);
        }
    }

    @Test
    void aSiteWithoutASearchIndexGetsThePageAlone() {
        var files = new TreeMap<>(SyntheticSite.generate(40, 3, 5, 9));
        files.put("kiln.yaml", files.get("kiln.yaml") + "searchIndex: false\n");
        var site = TestSite.of(files);
        assertTrue(site.build().succeeded());
        append(site, PAGE, "\nMore words.\n");
        assertEquals(List.of(OutputPath.of("section-1/page-7/index.html")), site.build().written());
        assertFalse(assembledTheSite(site));
        assertSameAsACleanBuild(site);
    }

    @Test
    void itLeavesTheTracesAWholeBuildWouldLeave() {
        var site = built();
        append(site, PAGE, "\nMore words.\n");
        site.build();
        assertFalse(assembledTheSite(site));

        var noOp = site.build();
        assertEquals(List.of(), noOp.written());
        assertEquals(Map.of(), site.lastTrace().rebuilt(), "the whole build's trace holds after the edit");

        // The whole build's trace still holds every file of the site, not only those the edit read.
        site.files.put("static/extra.txt", "An extra file.\n");
        assertEquals(List.of(OutputPath.of("extra.txt")), site.build().written());
        assertSameAsACleanBuild(site);

        append(site, PAGE, "\nMore words again.\n");
        site.build();
        assertFalse(assembledTheSite(site));
        // A title edit elsewhere runs the whole build: the edited page's own traces hold.
        site.files.put(OTHER, site.files.siteFiles().get(OTHER).asUtf8().replaceFirst("title: .*", "title: Renamed"));
        site.build();
        assertTrue(assembledTheSite(site));
        var rebuilt = site.lastTrace().rebuilt().keySet();
        assertFalse(rebuilt.contains("page:section-1/page-7/index.html"), rebuilt.toString());
        assertFalse(rebuilt.contains("parse:" + PAGE), rebuilt.toString());
        assertSameAsACleanBuild(site);
    }

    @Test
    void editsOfSeveralPagesInARowAreEachBuiltWithoutTheSite() {
        var site = built();
        for (int round = 0; round < 3; round++) {
            append(site, PAGE, "\nRound " + round + ".\n");
            append(site, OTHER, "\nOther round " + round + ".\n");
            assertEquals(3, site.build().written().size());
            assertFalse(assembledTheSite(site), "round " + round);
        }
        assertSameAsACleanBuild(site);
    }

    @Test
    void wordsOfAnyLengthInAnyScriptShiftTheIndexEntriesAfterThem() {
        // The index is patched as bytes: an edit that lengthens one entry by characters of two,
        // three and four bytes moves every later one, which a later patch must still find.
        var site = built();
        for (var words : List.of("\nÜnïcödé — ✓ 漢字 𝄞 and more.\n", "\nShort.\n", "\n" + "Ωμέγα ".repeat(200) + "\n")) {
            append(site, PAGE, words);
            append(site, OTHER, words.strip() + "\n");
            assertEquals(3, site.build().written().size());
            assertFalse(assembledTheSite(site), words);
            assertSameAsACleanBuild(site);
        }
    }

    @Test
    void editsThatOtherOutputsShowGoThroughTheWholeBuild() {
        var edits = Map.of(
                "a title", (java.util.function.Consumer<TestSite>) site -> site.files.put(PAGE,
                        site.files.siteFiles().get(PAGE).asUtf8().replaceFirst("title: .*", "title: Another")),
                "a date", site -> site.files.put(PAGE,
                        site.files.siteFiles().get(PAGE).asUtf8().replaceFirst("date: .*", "date: 2020-02-02")),
                "a weight", site -> site.files.put(PAGE,
                        site.files.siteFiles().get(PAGE).asUtf8().replaceFirst("---\n", "---\nweight: 3\n")),
                "a new page", site -> site.files.put("content/section-1/new.md", "---\ntitle: New\n---\nNew.\n"),
                "a section's file", site -> site.files.put("content/section-1/_index.md", "---\ntitle: Section One\n---\n"),
                "another page's output changed by hand", site -> {
                    append(site, PAGE, "\nWords.\n");
                    site.files.putOutput("section-2/page-11/index.html", "changed by hand");
                },
                "a layout beside a body edit", site -> {
                    append(site, PAGE, "\nWords.\n");
                    site.files.put("layouts/partials/footer.hbs", "<footer>changed</footer>\n");
                });
        edits.forEach((name, edit) -> {
            var site = built();
            edit.accept(site);
            assertTrue(site.build().succeeded(), name);
            assertTrue(assembledTheSite(site), name);
            assertSameAsACleanBuild(site);
        });
    }

    @Test
    void aNewLinkIsCheckedAgainstThePagesOfTheLastBuild() {
        var site = built();
        append(site, PAGE, "\nSee [that page](../section-2/page-11.md) and [this one](page-7.md).\n");
        assertTrue(site.build().succeeded());
        assertFalse(assembledTheSite(site));
        assertTrue(site.output("section-1/page-7/index.html").contains("href=\"/section-2/page-11/\""));
        assertSameAsACleanBuild(site);

        append(site, PAGE, "\nSee [nothing](../section-2/no-such-page.md).\n");
        var result = site.build();
        assertTrue(assembledTheSite(site), "a broken link is left to the whole build");
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).message().contains("no-such-page.md"), result.problems().toString());
    }

    @Test
    void aLinkToADraftIsBrokenAsInTheWholeBuild() {
        var site = built();
        site.files.put(OTHER, site.files.siteFiles().get(OTHER).asUtf8().replaceFirst("---\n", "---\ndraft: true\n"));
        assertTrue(site.build().succeeded());
        append(site, PAGE, "\nSee [the draft](../section-2/page-11.md).\n");
        var result = site.build();
        assertTrue(assembledTheSite(site));
        assertEquals(1, result.problems().size(), result.problems().toString());
    }

    @Test
    void aBodyEditThatBreaksThePageIsLeftToTheWholeBuildWhichReportsIt() {
        var site = built();
        append(site, PAGE, "\n{{< no-such-shortcode >}}\n");
        var result = site.build();
        assertTrue(assembledTheSite(site));
        assertEquals(1, result.problems().size());
        assertEquals(PAGE, result.problems().get(0).file());
        assertTrue(result.problems().get(0).line() > 0);
    }

    @Test
    void aPageThatSectionsCascadeFrontMatterToIsBuiltWithoutTheSiteToo() {
        var files = new TreeMap<>(FixtureSites.smallBlog());
        files.put("content/_index.md", "---\ntitle: Home\ncascade:\n  banner: wide\n  tone: calm\n---\n");
        files.put("content/blog/_index.md", "---\ntitle: Blog\ncascade:\n  tone: loud\n  kind: post\n---\n");
        files.put("layouts/_default/single.hbs", "{{page.params.banner}} {{page.params.tone}} {{page.params.kind}}"
                + " {{{page.content}}}");
        var site = TestSite.of(files);
        assertTrue(site.build().succeeded());
        append(site, "content/blog/first-post.md", "\nA last line.\n");
        assertTrue(site.build().succeeded());
        assertFalse(assembledTheSite(site), "the cascade is worked out from the sections' recorded parses");
        assertTrue(site.output("blog/first-post/index.html").startsWith("wide loud post"));
        assertSameAsACleanBuild(site);

        // Editing a cascade is editing a section file: the whole build works it out again.
        site.files.put("content/blog/_index.md", "---\ntitle: Blog\ncascade:\n  tone: soft\n---\n");
        assertTrue(site.build().succeeded());
        assertTrue(assembledTheSite(site));
        assertSameAsACleanBuild(site);
    }
}
