package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkTests {
    private static Map<String, String> docs(String installBody) {
        var files = new LinkedHashMap<String, String>();
        files.put("content/guide/install.md", "---\ntitle: Install\nslug: setup\n---\n" + installBody);
        files.put("content/guide/run.md", "---\ntitle: Run\n---\n# Run\n\n## Options\n\nText.\n");
        files.put("content/reference/_index.md", "---\ntitle: Reference\n---\n## Commands\n");
        files.put("content/blog/post/index.md", "---\ntitle: Post\n---\nSee [run](../../guide/run.md).\n");
        return files;
    }

    @Test
    void linksToSourceFilesBecomeLinksToTheirPagesWithAnchorsKept() {
        var site = TestSite.of(docs("""
                Next, [run it](run.md#options), read the [reference](../reference/_index.md#commands),
                the [post](/blog/post/index.md), [this part](#more) or [the web](https://example.org/x.md),
                or by [reference][run].

                [run]: run.md

                ## More
                """));
        var result = site.build();
        assertEquals(List.of(), result.problems());
        var html = site.output("guide/setup/index.html");
        assertTrue(html.contains("<a href=\"/guide/run/#options\">run it</a>"), html);
        assertTrue(html.contains("<a href=\"/reference/#commands\">reference</a>"), html);
        assertTrue(html.contains("<a href=\"/blog/post/\">post</a>"), html);
        assertTrue(html.contains("<a href=\"#more\">this part</a>"), html);
        assertTrue(html.contains("<a href=\"https://example.org/x.md\">the web</a>"), html);
        assertTrue(html.contains("<a href=\"/guide/run/\">reference</a>"), html);
        assertTrue(site.output("blog/post/index.html").contains("<a href=\"/guide/run/\">run</a>"));
    }

    @Test
    void aLinkToAMissingPageOrAnchorIsAProblemWithFileAndLine() {
        var site = TestSite.of(docs("Intro.\n\nSee [gone](missing.md) and\n[no anchor](run.md#nowhere) and [up](../../x.md)\nand [here](#absent).\n"));
        var result = site.build();
        assertEquals(List.of(
                "content/guide/install.md:7: link to missing.md: content/guide/missing.md is not a page of the site",
                "content/guide/install.md:8: link to ../../x.md: it leads outside content/",
                "content/guide/install.md:8: link to run.md#nowhere: content/guide/run.md has no heading with the id 'nowhere'",
                "content/guide/install.md:9: link to #absent: this page has no heading with that id"),
                result.problems().stream().map(BuildProblem::toString).toList());
        assertTrue(!result.succeeded());
    }

    @Test
    void withoutStrictLinksABrokenLinkIsAWarningAndTheBuildSucceeds() {
        var site = TestSite.of(docs("See [gone](missing.md).\n"));
        var result = site.build(new BuildOptions(false, false, false));
        assertEquals(List.of(), result.problems());
        assertTrue(site.messages().stream().anyMatch(log -> log.message().contains("content/guide/install.md:5: link to missing.md")),
                site.messages().toString());
        assertTrue(site.output("guide/setup/index.html").contains("<a href=\"missing.md\">gone</a>"));
    }

    @Test
    void renamingATargetPageRebuildsThePagesLinkingToIt() {
        var site = TestSite.of(docs("See [run](run.md).\n"));
        site.build();
        site.files.put("content/guide/run.md", "---\ntitle: Run\nslug: go\n---\n# Run\n");
        var result = site.build();
        assertEquals(List.of(), result.problems());
        assertTrue(site.output("guide/setup/index.html").contains("<a href=\"/guide/go/\">run</a>"));
        site.files.delete("content/guide/run.md");
        var broken = site.build();
        assertEquals(List.of("content/guide/install.md:5: link to run.md: content/guide/run.md is not a page of the site",
                "content/blog/post/index.md:4: link to ../../guide/run.md: content/guide/run.md is not a page of the site")
                .stream().sorted().toList(), broken.problems().stream().map(BuildProblem::toString).toList());
    }
}
