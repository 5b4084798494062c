package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.RenderMarkdown;
import dev.kiln.effects.RenderTemplate;
import dev.kiln.testing.FixtureSites;
import dev.kiln.testing.SyntheticSite;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IncrementalBuildTests {

    private static TestSite builtSynthetic() {
        var site = TestSite.of(SyntheticSite.generate(40, 3, 5, 9));
        assertTrue(site.build().succeeded());
        return site;
    }

    private static List<String> paths(List<OutputPath> outputs) {
        return outputs.stream().map(OutputPath::value).toList();
    }

    @Test
    void aSecondBuildWithNoChangeRendersAndWritesNothing() {
        var reads = new dev.kiln.testing.RecordingHandler();
        var site = TestSite.of(SyntheticSite.generate(40, 3, 5, 9)).withFirst(reads);
        var first = site.build();
        var before = reads.effectsOf(ReadFile.class).size();
        var result = site.build();
        assertEquals(List.of(), result.written());
        assertEquals(first.written(), result.upToDate());
        assertEquals(0, site.lastMetrics().count(RenderMarkdown.class));
        assertEquals(0, site.lastMetrics().count(RenderTemplate.class));
        assertEquals(List.of(), reads.effectsOf(ReadFile.class).subList(before, reads.effectsOf(ReadFile.class).size()),
                "the whole build's trace held: not a file is read, not even the config");
        assertEquals(java.util.Map.of(), site.lastTrace().rebuilt());
    }

    @Test
    void filesTouchedWithoutAChangeAreHashedOnceThenKnownByTheirNewStamps() {
        var below = new dev.kiln.testing.RecordingHandler();
        var site = TestSite.of(SyntheticSite.generate(20, 2, 3, 5)).withBelowTraces(below);
        site.build();
        // As a fresh checkout or a copy leaves them: every file with a new time, the same content.
        site.files.siteFiles().forEach(site.files::put);
        int before = below.effectsOf(ReadFile.class).size();
        assertEquals(List.of(), site.build().written());
        int hashed = below.effectsOf(ReadFile.class).size() - before;
        assertTrue(hashed >= 20, "every touched file is read once to see that it did not change: " + hashed);

        before = below.effectsOf(ReadFile.class).size();
        assertEquals(List.of(), site.build().written());
        assertEquals(0, below.effectsOf(ReadFile.class).size() - before, "the build after knows their new stamps");
        assertEquals(Map.of(), site.lastTrace().rebuilt());
    }

    @Test
    void editingOnePageBodyRebuildsThatPageAlone() {
        var site = builtSynthetic();
        var path = "content/section-1/page-7.md";
        site.files.put(path, site.files.siteFiles().get(path).asUtf8() + "\nOne more paragraph.\n");
        var result = site.build();
        // The search index holds every page's text, so it is written again too.
        assertEquals(List.of("index.json", "section-1/page-7/index.html"), paths(result.written()));
        assertEquals(List.of("content/section-1/page-7.md changed"), site.lastTrace().rebuilt().get("site"),
                "the whole build's trace failed first, then each page's was checked");
        assertEquals(1, site.lastMetrics().count(RenderTemplate.class));
        var pagesRebuilt = site.lastTrace().rebuilt().entrySet().stream().filter(e -> e.getKey().startsWith("page:"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(java.util.Set.of("page:section-1/page-7/index.html"), pagesRebuilt.keySet());
        // Its own word count is site data it shows, and it changed too.
        assertTrue(pagesRebuilt.get("page:section-1/page-7/index.html").contains("content/section-1/page-7.md changed"));
    }

    @Test
    void editingATitleAlsoRebuildsTheListsThatShowIt() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        var path = "content/blog/first-post.md";
        site.files.put(path, site.files.siteFiles().get(path).asUtf8().replace("title: First Post", "title: Renamed Post"));
        var result = site.build();
        // The home page lists recent pages, so it shows the title too; so do the feeds, the search
        // index, the pages of the post's tags and the next post (its "previous" link).
        assertEquals(List.of("atom.xml", "blog/atom.xml", "blog/first-post/index.html", "blog/index.html", "blog/index.xml",
                "blog/second-post/index.html", "index.html", "index.json", "index.xml", "tags/intro/index.html",
                "tags/java/index.html"), paths(result.written()));
        assertTrue(site.output("blog/index.html").contains("Renamed Post"));
        assertEquals(List.of("site data changed"), site.lastTrace().rebuilt().get("page:blog/index.html"));
    }

    @Test
    void editingAPartialRebuildsEveryPageThatUsesIt() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        site.files.put("layouts/partials/head.hbs", "<title>{{page.title}} - changed</title>\n");
        var result = site.build();
        // Every page but the one with its own layout, which uses no partial.
        assertEquals(List.of("about/index.html", "blog/first-post/index.html", "blog/index.html", "index.html"),
                paths(result.written()));
        assertTrue(site.output("about/index.html").contains("About - changed"));
    }

    @Test
    void addingAMoreSpecificLayoutRebuildsThePagesThatNowUseIt() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        site.files.put("layouts/blog/single.hbs", "blog single: {{page.title}}");
        var result = site.build();
        assertEquals(List.of("blog/first-post/index.html"), paths(result.written()));
        assertEquals("blog single: First Post", site.output("blog/first-post/index.html"));
        assertEquals(List.of("layouts/blog/single.hbs was added"),
                site.lastTrace().rebuilt().get("page:blog/first-post/index.html"));
    }

    @Test
    void deletingAPageRemovesItsOutputAndUpdatesItsList() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        site.files.delete("content/blog/second-post.md");
        var result = site.build();
        assertEquals(List.of("blog/second-post/index.html"), paths(result.removed()));
        assertTrue(!site.files.output().containsKey("blog/second-post/index.html"));
        assertTrue(!site.output("blog/index.html").contains("Second Post"));
    }

    @Test
    void aConfigChangeRebuildsEverything() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        site.files.put("kiln.yaml", "title: Another Title\n");
        var result = site.build();
        assertEquals(site.files.output().keySet().stream().filter(p -> p.endsWith(".html")).count(),
                result.written().stream().filter(p -> p.value().endsWith(".html")).count());
        assertTrue(site.lastTrace().rebuilt().get("page:about/index.html").contains("config changed"));
    }

    @Test
    void anOutputDeletedOrEditedByHandIsWrittenAgain() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        var expected = site.files.output();
        site.files.deleteOutput("about/index.html");
        site.files.putOutput("index.html", "scribbled over");
        var result = site.build();
        assertEquals(List.of("about/index.html", "index.html"), paths(result.written()));
        assertEquals(expected, site.files.output());
        assertEquals(List.of("its output about/index.html is missing"), site.lastTrace().rebuilt().get("page:about/index.html"));
    }

    @Test
    void aCorruptOrTruncatedTraceStoreIsSetAsideForAFullBuild() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        var good = site.lastTrace().store().encode();
        var truncated = dev.kiln.effects.Bytes.of(java.util.Arrays.copyOf(good.toArray(), good.size() / 2));
        var store = dev.kiln.handlers.TraceStore.decode(truncated, TestSite.KILN_VERSION);
        assertEquals(java.util.Optional.of("the build cache is corrupt"), store.notReusable());
        var flipped = good.toArray();
        flipped[flipped.length / 2] ^= 1;
        assertEquals(java.util.Optional.of("the build cache is corrupt"),
                dev.kiln.handlers.TraceStore.decode(dev.kiln.effects.Bytes.of(flipped), TestSite.KILN_VERSION).notReusable());
        assertEquals(java.util.Optional.of("kiln version changed (test to next)"),
                dev.kiln.handlers.TraceStore.decode(good, "next").notReusable());
    }

    @Test
    void aStaticFileEditIsCopiedAgainAndADeletedOneRemoved() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        site.files.put("static/css/site.css", "body { color: red; }\n");
        site.files.put("static/humans.txt", "Made by people.\n");
        assertEquals(List.of("css/site.css", "humans.txt"), paths(site.build().written()));
        site.files.delete("static/humans.txt");
        var result = site.build();
        assertEquals(List.of("humans.txt"), paths(result.removed()));
        assertEquals(Set.of(), new TreeMap<>(site.files.output()).keySet().stream()
                .filter(p -> p.equals("humans.txt")).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aProblemIsReportedAgainUntilItsFileIsMended() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.files.put("layouts/_default/single.hbs", "{{#if page.title}}unclosed\n");
        var first = site.build();
        assertTrue(!first.succeeded());
        var again = site.build();
        assertEquals(first.problems(), again.problems(), "the same inputs meet the same problems");
        site.files.put("layouts/_default/single.hbs", "<h1>{{page.title}}</h1>\n");
        var mended = site.build();
        assertEquals(List.of(), mended.problems());
        assertEquals("<h1>About</h1>\n", site.output("about/index.html"));
    }
}
