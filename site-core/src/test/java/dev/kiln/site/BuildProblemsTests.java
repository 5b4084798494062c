package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.HandlerStack;
import dev.kiln.testing.FixedWorld;
import dev.kiln.testing.FixtureSites;
import dev.kiln.testing.InMemoryFiles;
import dev.kiln.handlers.ParallelHandler;
import dev.kiln.handlers.TraceHandler;
import dev.kiln.handlers.TraceStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildProblemsTests {

    private static Map<String, String> blogWith(String path, String text) {
        var files = new HashMap<>(FixtureSites.smallBlog());
        files.put(path, text);
        return files;
    }

    @Test
    void badYamlInFrontMatterNamesTheFileAndTheLine() {
        var result = TestSite.of(blogWith("content/blog/broken.md", "---\ntitle: Broken\ntags: [a, b\n---\nBody\n")).build();
        assertFalse(result.succeeded());
        var problem = result.problems().getFirst();
        assertEquals("content/blog/broken.md", problem.file());
        assertTrue(problem.line() >= 3 && problem.line() <= 4, problem.toString());
        assertTrue(problem.message().startsWith("bad YAML"), problem.toString());
    }

    @Test
    void oneBadPageDoesNotHideTheOthersProblemsNorStopTheirOutput() {
        var files = blogWith("content/blog/broken.md", "---\ntitle: [unclosed\n---\n");
        files.put("content/blog/other.md", "---\nlayout: nowhere\n---\nText\n");
        var site = TestSite.of(files);
        var result = site.build();
        assertEquals(List.of("content/blog/broken.md", "content/blog/other.md"),
                result.problems().stream().map(BuildProblem::file).toList());
        assertTrue(site.files.output().containsKey("blog/first-post/index.html"));
    }

    @Test
    void aMissingLayoutNamesThePageTheLineAndEveryPlaceLookedIn() {
        var result = TestSite.of(blogWith("content/blog/odd.md", "---\ntitle: Odd\nlayout: nowhere\n---\nText\n")).build();
        var problem = result.problems().getFirst();
        assertEquals(new BuildProblem("content/blog/odd.md", 3, "layout 'nowhere' not found; looked for "
                + "layouts/blog/nowhere.hbs, layouts/_default/nowhere.hbs, layouts/nowhere.hbs"), problem);
    }

    @Test
    void aTemplateSyntaxErrorNamesTheTemplateAndItsLine() {
        var files = new HashMap<>(FixtureSites.smallBlog());
        files.put("layouts/_default/single.hbs", "<h1>{{page.title}}</h1>\n{{#each page.tags}}\n<p>unclosed each\n");
        var result = TestSite.of(files).build();
        assertFalse(result.succeeded());
        var problem = result.problems().getFirst();
        assertEquals("layouts/_default/single.hbs", problem.file());
        assertTrue(problem.line() > 0, problem.toString());
        assertTrue(problem.message().contains("template error"), problem.toString());
        assertTrue(problem.message().contains("(building content/"), problem.toString());
    }

    @Test
    void aMissingPartialNamesTheTemplateThatAskedForIt() {
        var files = new HashMap<>(FixtureSites.smallBlog());
        files.put("layouts/_default/single.hbs", "{{> partials/nothing}}\n");
        var result = TestSite.of(files).build();
        var problem = result.problems().getFirst();
        assertTrue(problem.toString().contains("partials/nothing"), problem.toString());
    }

    @Test
    void aSlugThatWouldLeaveTheOutputFolderIsRefusedAndNothingIsWrittenForIt() {
        var site = TestSite.of(blogWith("content/blog/escape.md", "---\ntitle: Escape\nslug: ../../x\n---\nText\n"));
        var result = site.build();
        assertEquals("content/blog/escape.md", result.problems().getFirst().file());
        assertEquals(3, result.problems().getFirst().line());
        assertTrue(result.problems().getFirst().message().contains("slug '../../x'"));
        assertTrue(site.files.output().keySet().stream().noneMatch(path -> path.contains("x/index.html")
                && !path.startsWith("blog/")), site.files.output().keySet().toString());
    }

    @Test
    void twoPagesWritingTheSameFileIsAProblemNamingBoth() {
        var files = blogWith("content/blog/copy.md", "---\ntitle: Copy\nslug: first-post\n---\nText\n");
        var result = TestSite.of(files).build();
        assertEquals(List.of(new BuildProblem("content/blog/first-post.md", 0,
                "would write blog/first-post/index.html, which content/blog/copy.md writes too")), result.problems());
    }

    @Test
    void badConfigNamesTheSettingsLine() {
        var result = TestSite.of(blogWith("kiln.yaml", "title: Fine\ntimeZone: Mars/Olympus\n")).build();
        assertEquals(List.of(new BuildProblem("kiln.yaml", 2,
                "timeZone 'Mars/Olympus' is not a time zone such as UTC or Europe/Paris")), result.problems());
    }

    @Test
    void anUnknownSettingIsAProblemRatherThanSilentlyIgnored() {
        var result = TestSite.of(blogWith("kiln.yaml", "title: Fine\nbaseUrl: https://x.org/\n")).build();
        assertEquals("kiln.yaml", result.problems().getFirst().file());
        assertEquals(2, result.problems().getFirst().line());
    }

    @Test
    void anEffectNoHandlerAnswersIsReportedForEveryPageThatNeededIt() {
        // No Markdown or template handler: every page fails, naming the effect nobody answered.
        var files = InMemoryFiles.of(FixtureSites.smallBlog());
        var trace = TraceHandler.reusing(TraceStore.empty("test", "first build"), "test");
        var stack = HandlerStack.of(trace, ParallelHandler.sequential(), FixedWorld.standard(), files);
        var result = stack.run(() -> SiteBuild.run(BuildOptions.defaults()));
        // Five files fail to parse for want of a Markdown handler (parsing renders, for headings
        // and links), and so does the home page that stands in for the failed _index.md; the 404
        // page fails for want of a 404 layout (the built-in theme, which has one, is not in this stack).
        assertEquals(7, result.problems().size(), result.problems().toString());
        assertEquals(6, result.problems().stream().filter(p -> p.message().contains("no handler answered")).count(),
                result.problems().toString());
        assertEquals(java.util.Set.of("atom.xml", "css/site.css", "index.json", "index.xml", "robots.txt", "sitemap.xml"),
                files.output().keySet(), "only the static file and the files kiln writes itself need no handler");
    }
}
