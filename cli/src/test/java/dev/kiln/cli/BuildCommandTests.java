package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.testing.FixtureSites;
import dev.kiln.testing.SyntheticSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTests {
    private static final Path EXAMPLE = Path.of("..", "examples", "demo");

    @TempDir
    Path temp;

    private Path exampleCopy() {
        var site = temp.resolve("demo");
        CliRun.copySite(EXAMPLE, site);
        return site;
    }

    @Test
    void theExampleSiteBuildsIntoItsPublicFolder() {
        var site = exampleCopy();
        var run = CliRun.of("build", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        var output = CliRun.snapshot(site.resolve("public")).keySet();
        assertTrue(run.out().matches("(?s)built \\d+ pages: " + output.size() + " files written, 0 up to date, 0 removed, in .*"),
                run.out());
        assertTrue(output.containsAll(Set.of("index.html", "posts/hello-kiln/index.html", "docs/index.html",
                "images/kiln.svg", "css/kiln-theme.css")), output.toString());
        assertFalse(output.contains("posts/unfinished/index.html"), "drafts are left out");
    }

    @Test
    void dryRunPlansExactlyTheFilesABuildWritesAndTouchesNothing() throws IOException {
        var site = exampleCopy();
        var before = CliRun.snapshot(temp);
        var plan = CliRun.of("build", site.toString(), "--dry-run");
        assertEquals(0, plan.exitCode(), plan.err());
        assertEquals(before, CliRun.snapshot(temp), "a dry run changes nothing on disk");
        assertFalse(Files.exists(site.resolve("public")));

        var build = CliRun.of("build", site.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertEquals(CliRun.snapshot(site.resolve("public")).keySet(), plannedPaths(plan.out(), "new"));
    }

    @Test
    void dryRunTellsChangedFromUnchangedFiles() throws IOException {
        var site = exampleCopy();
        assertEquals(0, CliRun.of("build", site.toString()).exitCode());
        var page = site.resolve("content/about.md");
        Files.writeString(page, Files.readString(page) + "\nOne more line.\n");
        var built = CliRun.snapshot(site.resolve("public"));

        var plan = CliRun.of("build", site.toString(), "--dry-run");
        // The page, and the search index that holds its text.
        assertEquals(Set.of("about/index.html", "index.json"), plannedPaths(plan.out(), "changed"));
        assertTrue(plan.out().contains("(0 new, 2 changed, 0 unchanged), 0 deleted; nothing was written"), plan.out());
        assertTrue(plan.out().contains("2 files to write, " + (built.size() - 2) + " up to date"), plan.out());
        assertEquals(built, CliRun.snapshot(site.resolve("public")));

        var full = CliRun.of("build", site.toString(), "--dry-run", "--no-cache");
        assertEquals(Set.of("about/index.html", "index.json"), plannedPaths(full.out(), "changed"));
        assertEquals(built.size() - 2, plannedPaths(full.out(), "unchanged").size());
    }

    private static Set<String> plannedPaths(String plan, String status) {
        return Arrays.stream(plan.split("\n"))
                .filter(line -> line.startsWith(status + " "))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void oneThreadAndEightThreadsWriteByteIdenticalSites() {
        var site = temp.resolve("synthetic");
        CliRun.write(site, SyntheticSite.generate(400, 6, 15, 42));
        var one = CliRun.of("build", site.toString(), "--threads", "1", "--output", temp.resolve("one").toString());
        var eight = CliRun.of("build", site.toString(), "--threads", "8", "--output", temp.resolve("eight").toString());
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(0, eight.exitCode(), eight.err());
        var first = CliRun.snapshot(temp.resolve("one"));
        // At least the pages, sections, home, 404.html, sitemap.xml and robots.txt.
        assertTrue(first.size() > 400 + 6 + 1 + 3, "" + first.size());
        assertEquals(first, CliRun.snapshot(temp.resolve("eight")));
    }

    @Test
    void badInputReportsEveryProblemWithFileAndLineAndExitsNonZero() {
        var files = new HashMap<>(FixtureSites.smallBlog());
        files.put("content/blog/bad-yaml.md", "---\ntitle: ok\ntags: [a\n---\n");
        files.put("content/blog/no-layout.md", "---\nlayout: gone\n---\n");
        files.put("content/blog/escape.md", "---\nslug: ../../../outside\n---\n");
        files.put("layouts/blog/single.hbs", "{{#if page.title}}unclosed\n");
        var site = temp.resolve("bad");
        CliRun.write(site, files);
        var outsideBefore = CliRun.snapshot(temp);

        var run = CliRun.of("build", site.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("error: content/blog/bad-yaml.md:"), run.err());
        assertTrue(run.err().contains("error: content/blog/no-layout.md:2: layout 'gone' not found"), run.err());
        assertTrue(run.err().contains("error: content/blog/escape.md:2: slug '../../../outside'"), run.err());
        assertTrue(run.err().contains("error: layouts/blog/single.hbs:"), run.err());
        assertTrue(run.err().contains("build failed: "), run.err());

        var after = CliRun.snapshot(temp);
        // Only the output folder and kiln's build cache may change.
        after.keySet().removeIf(path -> path.startsWith("bad/public/") || path.startsWith("bad/.kiln/"));
        assertEquals(outsideBefore.keySet(), after.keySet(), "nothing outside the output folder was written or deleted");
        assertTrue(outsideBefore.equals(after), "no file outside the output folder changed");
    }

    @Test
    void aBrokenLinkFailsTheBuildUnlessLinksAreNotStrictAndFuturePagesWaitForFuture() {
        var files = new HashMap<>(FixtureSites.smallBlog());
        files.put("content/blog/linking.md", "---\ntitle: Linking\n---\nSee [the post](first-post.md#hello) and\n[gone](gone.md).\n");
        files.put("content/blog/later.md", "---\ntitle: Later\ndate: 2999-01-01\n---\nNot yet.\n");
        var site = temp.resolve("links");
        CliRun.write(site, files);
        var strict = CliRun.of("build", site.toString());
        assertEquals(1, strict.exitCode());
        assertTrue(strict.err().contains("error: content/blog/linking.md:5: link to gone.md: content/blog/gone.md is not a page"),
                strict.err());
        var lenient = CliRun.of("build", site.toString(), "--no-strict-links", "--future");
        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.err().contains("content/blog/linking.md:5: link to gone.md"), lenient.err());
        assertTrue(Files.exists(site.resolve("public/blog/later/index.html")), "--future builds future pages");
        var linking = readString(site.resolve("public/blog/linking/index.html"));
        assertTrue(linking.contains("<a href=\"/blog/first-post/#hello\">the post</a>"), linking);
    }

    @Test
    void anOutputFolderHoldingTheSiteIsRefused() {
        var site = temp.resolve("site");
        CliRun.write(site, FixtureSites.contentOnly());
        var run = CliRun.of("build", site.toString(), "--output", temp.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("refusing output folder"), run.err());
    }

    @Test
    void aFolderThatIsNoSiteIsRefused() {
        var run = CliRun.of("build", temp.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("does not look like a kiln site"), run.err());
    }

    @Test
    void versionAndHelpExitZero() {
        var version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("kiln "), version.out());
        var help = CliRun.of("build", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--dry-run"), help.out());
    }

    @Test
    void metricsListTheEffectsPerformed() {
        var site = exampleCopy();
        var run = CliRun.of("build", site.toString(), "--metrics");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("RenderMarkdown"), run.out());
        assertTrue(run.out().contains("WriteFile"), run.out());
    }

    @Test
    void theAotTrainingWorkloadBuildsItsSiteTheWaysAUserDoes() {
        var folder = temp.resolve("training");
        var run = CliRun.of("train", folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(folder.resolve("public/section-7/page-7/index.html")));
        assertTrue(Files.exists(folder.resolve(".kiln/traces.bin")));
        // The small site's layouts call helpers, so its pages went through Handlebars.
        var themedPage = readString(folder.resolve(TrainCommand.THEMED).resolve("public/notes/page-1/index.html"));
        assertTrue(themedPage.contains("<time>2 March 2024</time>"), themedPage);
        assertTrue(themedPage.contains("<strong>tag-1</strong>"), themedPage);
        assertTrue(themedPage.contains("css/site."), themedPage);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
