package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.testing.FixtureSites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KilnTests {
    @TempDir
    Path temp;

    @Test
    void kilnAloneListsTheCommandsAUserRuns() {
        var run = CliRun.of();
        assertEquals(0, run.exitCode(), run.err());
        for (var command : new String[] {"build", "serve", "new", "clean", "help"}) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " in\n" + run.out());
        }
        assertFalse(run.out().contains("train"), "the launcher's training command stays out of help");
        assertEquals(run.out(), CliRun.of("--help").out());
        assertEquals(run.out(), CliRun.of("help").out());
    }

    @Test
    void aCommandsHelpShowsItsParametersAndOptionsButNotTheHiddenOnes() {
        var help = CliRun.of("build", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: kiln build [OPTIONS] [SITE]\n"), help.out());
        for (var option : new String[] {"SITE", "--dry-run", "--output <DIR>", "--threads <N>", "--no-strict-links", "--version"}) {
            assertTrue(help.out().contains(option), option + " in\n" + help.out());
        }
        assertFalse(help.out().contains("--repeat"), "a benchmark's option stays out of help");
        assertEquals(help.out(), CliRun.of("help", "build").out());
        assertEquals(help.out(), CliRun.of("build", "-h").out());
    }

    @Test
    void newListsWhatItCreatesAndEachHasItsOwnHelp() {
        var run = CliRun.of("new");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("  site ") && run.out().contains("  page "), run.out());
        var page = CliRun.of("new", "page", "--help");
        assertEquals(0, page.exitCode());
        assertTrue(page.out().startsWith("Usage: kiln new page [OPTIONS] PATH\n"), page.out());
        assertTrue(page.out().contains("--site <SITE>"), page.out());
        assertEquals(page.out(), CliRun.of("help", "new", "page").out());
    }

    @Test
    void everyCommandAnswersItsVersion() {
        var version = CliRun.of("-V");
        assertTrue(version.out().startsWith("kiln "), version.out());
        assertEquals(version.out(), CliRun.of("clean", "--version").out());
        assertEquals(version.out(), CliRun.of("new", "site", "--version").out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "build --bogus              | Unrecognized option: --bogus",
        "build --dry                | Unrecognized option: --dry",
        "build a b                  | unexpected argument 'b'",
        "build --threads many       | --threads takes a whole number, not 'many'",
        "build --threads 0          | --threads must be at least 1",
        "build --output             | Missing argument for option",
        "serve --port x             | --port takes a whole number, not 'x'",
        "frob                       | unknown command 'frob'",
        "new post x                 | unknown command 'new post'",
        "new site                   | missing DIR",
        "new page                   | missing PATH",
        "--frob                     | unknown option '--frob'",
        "help frob                  | unknown command 'frob'",
    })
    void aCommandLineThatCannotBeCarriedOutExitsWithTwoSayingWhy(String line, String message) {
        var run = CliRun.of(line.strip().split(" +"));
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("error: ") && run.err().contains(message), run.err());
        assertEquals("", run.out());
    }

    @Test
    void optionsMayComeBeforeOrAfterTheSiteFolder() throws Exception {
        var site = temp.resolve("site");
        CliRun.write(site, FixtureSites.contentOnly());
        var after = CliRun.of("build", site.toString(), "--output", temp.resolve("after").toString(), "--no-cache");
        assertEquals(0, after.exitCode(), after.err());
        var before = CliRun.of("build", "--no-cache", "-o", temp.resolve("before").toString(), site.toString());
        assertEquals(0, before.exitCode(), before.err());
        assertEquals(CliRun.snapshot(temp.resolve("after")), CliRun.snapshot(temp.resolve("before")));
        assertTrue(Files.exists(temp.resolve("before/index.html")));
    }
}
