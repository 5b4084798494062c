package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.testing.FixtureSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleanCommandTests {
    @TempDir
    Path temp;

    private Path builtSite() {
        var site = temp.resolve("site");
        CliRun.write(site, FixtureSites.smallBlog());
        assertEquals(0, CliRun.of("build", site.toString()).exitCode());
        return site;
    }

    @Test
    void cleanRemovesTheOutputFolderAndNothingElse() {
        var site = builtSite();
        var sources = CliRun.snapshot(site);
        sources.keySet().removeIf(path -> path.startsWith("public/"));
        var run = CliRun.of("clean", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("removed "), run.out());
        assertFalse(Files.exists(site.resolve("public")));
        assertEquals(sources, CliRun.snapshot(site));
    }

    @Test
    void aFolderHoldingAFileKilnDidNotWriteIsLeftAlone() throws IOException {
        var site = builtSite();
        Files.writeString(site.resolve("public/CNAME"), "example.org\n");
        var before = CliRun.snapshot(site.resolve("public"));
        var run = CliRun.of("clean", site.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("were not written by kiln, such as CNAME"), run.err());
        assertEquals(before, CliRun.snapshot(site.resolve("public")));
    }

    @Test
    void anOutputFolderWithoutABuildCacheIsLeftAlone() throws IOException {
        var site = builtSite();
        Files.delete(site.resolve(".kiln/traces.bin"));
        var run = CliRun.of("clean", site.toString());
        assertEquals(1, run.exitCode());
        assertTrue(Files.exists(site.resolve("public/index.html")));
    }

    @Test
    void cleaningNothingIsNoError() {
        var site = temp.resolve("site");
        CliRun.write(site, FixtureSites.contentOnly());
        var run = CliRun.of("clean", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("nothing to clean"), run.out());
    }
}
