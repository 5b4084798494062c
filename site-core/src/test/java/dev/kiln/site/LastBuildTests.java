package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.OutputPath;
import dev.kiln.handlers.BuiltInThemeHandler;
import dev.kiln.handlers.DryRunHandler;
import dev.kiln.handlers.HandlebarsHandler;
import dev.kiln.handlers.MarkdownHandler;
import dev.kiln.testing.FixtureSites;
import dev.kiln.testing.SyntheticSite;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Early renders of edited pages, as kiln serve makes them before the build that follows. */
class LastBuildTests {
    private static final String PAGE = "content/section-1/page-7.md";
    private static final String PAGE_OUTPUT = "section-1/page-7/index.html";

    private static TestSite built() {
        var site = TestSite.of(SyntheticSite.generate(40, 3, 5, 9)).keepingLastBuild();
        assertTrue(site.build().succeeded());
        return site;
    }

    private static void append(TestSite site, String path, String text) {
        site.files.put(path, site.files.siteFiles().get(path).asUtf8() + text);
    }

    private static Optional<List<String>> renderEdited(TestSite site, String... paths) {
        return site.renderEdited(paths).map(outputs -> outputs.stream().map(OutputPath::value).toList());
    }

    @Test
    void aBodyEditIsRenderedAheadExactlyAsTheBuildThatFollowsWritesIt() {
        var site = built();
        // A second build takes most pages from the store: what it keeps must compare equal to
        // pages parsed afresh, or no edit would ever be rendered early.
        append(site, "content/section-0/page-3.md", "\nAnother paragraph.\n");
        assertTrue(site.build().succeeded());
        append(site, PAGE, "\nA new paragraph with a [link](../section-0/page-3.md) and **bold** text.\n");

        assertEquals(Optional.of(List.of(PAGE_OUTPUT)), renderEdited(site, PAGE));
        var early = site.output(PAGE_OUTPUT);
        assertTrue(early.contains("A new paragraph with a <a href=\"/section-0/page-3/\">link</a>"), early);

        var result = site.build();
        assertEquals(List.of("index.json", PAGE_OUTPUT), result.written().stream().map(OutputPath::value).toList());
        assertEquals(early, site.output(PAGE_OUTPUT), "the build that followed wrote the same page");
    }

    @Test
    void editsOtherOutputsShowAreLeftToTheBuild() {
        var site = built();
        var before = site.output(PAGE_OUTPUT);
        var original = site.files.siteFiles().get(PAGE).asUtf8();
        for (var edited : List.of(
                original.replaceFirst("title: Page 7", "title: Renamed"),
                original.replaceFirst("tags: \\[", "tags: [extra, "),
                original.replaceFirst("date: 20", "date: 19"),
                original + "\n## A new heading\n\nIts anchor is one other pages may link to.\n",
                original.replaceFirst("\n---\n\n", "\n---\n\nA new first paragraph, which lists show as the summary.\n\n"))) {
            site.files.put(PAGE, edited);
            assertEquals(Optional.empty(), renderEdited(site, PAGE), edited);
            assertEquals(before, site.output(PAGE_OUTPUT), "nothing is written early");
        }
    }

    @Test
    void filesTheLastBuildHadNoPageForAreLeftToTheBuild() {
        var site = built();
        site.files.put("content/section-1/new-page.md", "---\ntitle: New\n---\nText.\n");
        assertEquals(Optional.empty(), renderEdited(site, "content/section-1/new-page.md"));
        site.files.delete(PAGE);
        assertEquals(Optional.empty(), renderEdited(site, PAGE));
        assertEquals(Optional.empty(), renderEdited(site, "content/section-1/_index.md"), "a section lists other pages");
    }

    @Test
    void aBrokenLinkOrAnUnknownShortcodeIsLeftToTheBuildWhichReportsIt() {
        var site = built();
        var before = site.output(PAGE_OUTPUT);
        append(site, PAGE, "\nSee [nowhere](../section-0/no-such-page.md).\n");
        assertEquals(Optional.empty(), renderEdited(site, PAGE));
        assertEquals(before, site.output(PAGE_OUTPUT));
        assertTrue(site.build().problems().stream().anyMatch(problem -> problem.file().equals(PAGE)));
        assertNull(site.lastBuild(), "a build with problems keeps nothing to render from");

        var fixed = TestSite.of(SyntheticSite.generate(40, 3, 5, 9)).keepingLastBuild();
        fixed.build();
        append(fixed, PAGE, "\n{{< no-such-shortcode >}}\n");
        assertEquals(Optional.empty(), renderEdited(fixed, PAGE));
        assertEquals(before, fixed.output(PAGE_OUTPUT));
    }

    @Test
    void aPageWithShortcodesAndNeighboursIsRenderedAsTheBuildRendersIt() {
        var files = new java.util.LinkedHashMap<>(FixtureSites.smallBlog());
        files.put("layouts/shortcodes/note.hbs", "<aside>{{text}} on {{page.title}}</aside>");
        var site = TestSite.of(files).keepingLastBuild();
        assertTrue(site.build().succeeded());
        var path = "content/blog/first-post.md";
        append(site, path, "\n{{< note text=\"Said\" >}}\n\nMore words at the end.\n");
        var early = renderEdited(site, path);
        assertTrue(early.isPresent());
        var text = site.output(early.get().getFirst());
        assertTrue(text.contains("<aside>Said on First Post</aside>"), text);
        site.build();
        assertEquals(text, site.output(early.get().getFirst()));
    }

    @Test
    void aRehearsalRendersPagesAsTheBuildDidAndADryRunWritesNothing() {
        var site = built();
        var before = site.files.output();
        var dryRun = DryRunHandler.create();
        var rendered = HandlerStack.of(List.of(MarkdownHandler.gitHubFlavoured(), HandlebarsHandler.create(),
                BuiltInThemeHandler.standard(), dryRun, site.files)).run(() -> site.lastBuild().rehearse(5));
        assertEquals(5, rendered.size());
        assertEquals(5, dryRun.plan().size());
        assertTrue(dryRun.plan().stream().allMatch(write -> write.status() == DryRunHandler.PlannedWrite.Status.UNCHANGED),
                "each page rendered as the build rendered it: " + dryRun.plan());
        assertEquals(before, site.files.output());
    }

    @Test
    void buildsThatTakeTheLastBuildsFingerprintsRebuildWhatTheEditChangesAndNoMore() {
        var site = TestSite.of(FixtureSites.smallBlog()).reusingLastBuild();
        assertTrue(site.build().succeeded());
        var path = "content/blog/first-post.md";
        append(site, path, "\nOne more paragraph.\n");
        assertEquals(List.of("blog/first-post/index.html", "index.json"),
                site.build().written().stream().map(OutputPath::value).toList());

        site.files.put(path, site.files.siteFiles().get(path).asUtf8().replace("title: First Post", "title: Renamed Post"));
        var written = site.build().written().stream().map(OutputPath::value).toList();
        assertTrue(written.containsAll(List.of("blog/index.html", "index.html", "tags/java/index.html",
                "blog/second-post/index.html")), "the lists and the neighbour show the title: " + written);
        assertTrue(site.output("blog/index.html").contains("Renamed Post"));
    }

    @Test
    void theWholeBuildKeepsWhatItBuiltFromOnlyWhenItRan() {
        var site = built();
        var kept = site.lastBuild();
        assertNotNull(kept);
        site.build();
        assertEquals(Map.of(), site.lastTrace().rebuilt(), "the whole build's trace held");
        assertTrue(kept == site.lastBuild(), "a build that did not run keeps the last one's");
    }
}
