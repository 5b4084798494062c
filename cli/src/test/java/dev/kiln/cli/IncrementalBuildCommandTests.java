package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalBuildCommandTests {
    @TempDir
    Path temp;

    private Path builtExample() {
        var site = temp.resolve("demo");
        CliRun.copySite(Path.of("..", "examples", "demo"), site);
        var first = CliRun.of("build", site.toString());
        assertEquals(0, first.exitCode(), first.err());
        return site;
    }

    @Test
    void aBuildWithNothingChangedWritesNothing() throws IOException {
        var site = builtExample();
        var page = site.resolve("public/index.html");
        var written = Files.getLastModifiedTime(page);
        var again = CliRun.of("build", site.toString(), "--explain");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("explain: 0 rebuilt, " + outputs(site) + " up to date, 0 removed"), again.out());
        assertEquals(written, Files.getLastModifiedTime(page));
    }

    @Test
    void explainSaysWhichInputChanged() throws IOException {
        var site = builtExample();
        Files.writeString(site.resolve("content/posts/hello-kiln.md"), "\nA new line.\n", java.nio.file.StandardOpenOption.APPEND);
        var run = CliRun.of("build", site.toString(), "--explain");
        // Its own word count, which its page shows, changed too.
        assertTrue(run.out().contains("rebuilt posts/hello-kiln/index.html: content/posts/hello-kiln.md changed; site data changed"),
                run.out());
        // The search index holds the page's text, so it is rebuilt too; nothing else is.
        assertTrue(run.out().contains("rebuilt index.json: content/posts/hello-kiln.md changed"), run.out());
        assertTrue(run.out().contains("explain: 2 rebuilt, " + (outputs(site) - 2) + " up to date, 0 removed"), run.out());
    }

    @Test
    void aTouchedButUnchangedFileIsHashedNotRebuilt() throws IOException {
        var site = builtExample();
        Files.setLastModifiedTime(site.resolve("content/about.md"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        var run = CliRun.of("build", site.toString(), "--explain");
        assertTrue(run.out().contains("explain: 0 rebuilt, " + outputs(site) + " up to date"), run.out());
    }

    @Test
    void aDeletedPagesOutputIsRemoved() throws IOException {
        var site = builtExample();
        Files.delete(site.resolve("content/docs/templates.md"));
        var run = CliRun.of("build", site.toString(), "--explain");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("removed docs/templates/index.html"), run.out());
        assertFalse(Files.exists(site.resolve("public/docs/templates")), "its folder goes too");
        assertFalse(Files.readString(site.resolve("public/docs/index.html")).contains("Templates"));
    }

    @Test
    void aCorruptBuildCacheMeansAFullBuildNotACrash() throws IOException {
        var site = builtExample();
        var cache = site.resolve(".kiln/traces.bin");
        assertTrue(Files.exists(cache));
        var bytes = Files.readAllBytes(cache);
        Files.write(cache, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        var run = CliRun.of("build", site.toString(), "--explain");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("rebuilt index.html: the build cache is corrupt"), run.out());
        assertTrue(run.out().contains("explain: " + outputs(site) + " rebuilt"), run.out());
    }

    @Test
    void noCacheBuildsEverything() {
        var site = builtExample();
        var run = CliRun.of("build", site.toString(), "--no-cache", "--explain");
        assertTrue(run.out().contains("rebuilt about/index.html: --no-cache was given"), run.out());
        assertTrue(run.out().contains("explain: " + outputs(site) + " rebuilt, 0 up to date"), run.out());
    }

    @Test
    void anOutputFileEditedByHandIsRestored() throws IOException {
        var site = builtExample();
        var page = site.resolve("public/about/index.html");
        var original = Files.readString(page);
        Files.writeString(page, "scribbled");
        var run = CliRun.of("build", site.toString(), "--explain");
        assertTrue(run.out().contains("rebuilt about/index.html: its output about/index.html was changed outside kiln"), run.out());
        assertEquals(original, Files.readString(page));
    }

    /** Answers how many files the site's output holds: every one of them has a trace. */
    private static int outputs(Path site) {
        return CliRun.snapshot(site.resolve("public")).size();
    }
}
