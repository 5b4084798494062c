package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.CopyFile;
import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.FileExists;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.ReadOutputFile;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.SpliceOutputFile;
import dev.kiln.effects.StatFile;
import dev.kiln.effects.StatOutputFile;
import dev.kiln.effects.StatOutputFiles;
import dev.kiln.effects.WriteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemHandlerTests {
    @TempDir
    Path temp;

    private HandlerStack stack() {
        return HandlerStack.of(FileSystemHandler.of(temp.resolve("site"), temp.resolve("site/public")));
    }

    private void siteFile(String path, String text) throws IOException {
        var file = temp.resolve("site").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void readsAndListsSiteFilesSortedSkippingHiddenOnes() throws IOException {
        siteFile("content/b.md", "b");
        siteFile("content/a/c.md", "c");
        siteFile("content/.hidden.md", "h");
        siteFile("content/.git/config", "g");
        var listed = stack().run(() -> perform(new ListFiles(SitePath.of("content"))));
        assertEquals(List.of(SitePath.of("content/a/c.md"), SitePath.of("content/b.md")), listed);
        assertEquals("b", stack().run(() -> perform(new ReadFile(SitePath.of("content/b.md"))).asUtf8()));
        assertTrue(stack().run(() -> perform(new FileExists(SitePath.of("content/b.md")))));
        assertFalse(stack().run(() -> perform(new FileExists(SitePath.of("content/none.md")))));
        assertEquals(List.of(), stack().run(() -> perform(new ListFiles(SitePath.of("nothing-here")))));
    }

    @Test
    void listingAheadAnswersWhatAListingAnswersWithItsStamps() throws IOException {
        siteFile("content/b.md", "b");
        siteFile("content/a/c.md", "c");
        siteFile("static/x.css", "x");
        var plain = stack().run(() -> List.of(perform(new ListFiles(SitePath.of("content"))),
                perform(new ListFiles(SitePath.of("static")))));
        var files = FileSystemHandler.of(temp.resolve("site"), temp.resolve("site/public"))
                .listingAhead(List.of(SitePath.of("content"), SitePath.of("missing")));
        var ahead = HandlerStack.of(files).run(() -> List.of(perform(new ListFiles(SitePath.of("content"))),
                perform(new ListFiles(SitePath.of("static"))), perform(new ListFiles(SitePath.of("missing")))));
        assertEquals(List.of(plain.get(0), plain.get(1), List.of()), ahead);
        var stamp = HandlerStack.of(files).run(() -> perform(new StatFile(SitePath.of("content/a/c.md"))));
        assertEquals(1, stamp.orElseThrow().size());
    }

    @Test
    void aListingAheadIsSortedAcrossSubfoldersWalkedApart() throws IOException {
        // Files beside folders whose names sort around theirs: "a.md" < "a/..." < "a0.md", "a-b/..." < "a/...".
        var written = List.of("content/a.md", "content/a/z.md", "content/a/b/c.md", "content/a-b/x.md",
                "content/a0.md", "content/b/y.md", "content/_index.md", "content/a/a.md");
        for (var path : written) {
            siteFile(path, path);
        }
        var files = FileSystemHandler.of(temp.resolve("site"), temp.resolve("site/public"))
                .listingAhead(List.of(SitePath.of("content")));
        var listed = HandlerStack.of(files).run(() -> perform(new ListFiles(SitePath.of("content"))));
        assertEquals(written.stream().sorted().map(SitePath::of).toList(), listed);
    }

    @Test
    void statsOfManyOutputsAnswerAsStatsOfEach() throws IOException {
        stack().run(() -> perform(new WriteFile(OutputPath.of("a/index.html"), Bytes.utf8("abc"))));
        Files.createDirectories(temp.resolve("site/public/folder"));
        var paths = List.of(OutputPath.of("a/index.html"), OutputPath.of("missing.html"), OutputPath.of("folder"));
        var many = stack().run(() -> perform(new StatOutputFiles(paths)));
        var each = stack().run(() -> paths.stream().map(path -> perform(new StatOutputFile(path))).toList());
        assertEquals(each, many);
        assertEquals(3, many.get(0).orElseThrow().size());
        assertEquals(List.of(Optional.empty(), Optional.empty()), many.subList(1, 3));
    }

    @Test
    void readingAMissingFileFailsNamingIt() {
        var failure = assertThrows(EffectFailedException.class,
                () -> stack().run(() -> perform(new ReadFile(SitePath.of("content/none.md")))));
        assertEquals(Optional.of("content/none.md"), failure.file());
    }

    @Test
    void writesCreateFoldersAndLeaveNoTemporaryFiles() throws IOException {
        stack().run(() -> perform(new WriteFile(OutputPath.of("a/b/index.html"), Bytes.utf8("<p>x</p>"))));
        stack().run(() -> perform(new WriteFile(OutputPath.of("a/b/index.html"), Bytes.utf8("<p>y</p>"))));
        var folder = temp.resolve("site/public/a/b");
        assertEquals("<p>y</p>", Files.readString(folder.resolve("index.html")));
        try (var files = Files.list(folder)) {
            assertEquals(List.of("index.html"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(Optional.of(Bytes.utf8("<p>y</p>")),
                stack().run(() -> perform(new ReadOutputFile(OutputPath.of("a/b/index.html")))));
        assertEquals(Optional.empty(), stack().run(() -> perform(new ReadOutputFile(OutputPath.of("none.html")))));
    }

    @Test
    void writingTheBytesAFileAlreadyHoldsLeavesItUntouched() throws IOException {
        var file = temp.resolve("site/public/page/index.html");
        stack().run(() -> perform(new WriteFile(OutputPath.of("page/index.html"), Bytes.utf8("<p>same</p>"))));
        var old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        stack().run(() -> perform(new WriteFile(OutputPath.of("page/index.html"), Bytes.utf8("<p>same</p>"))));
        assertEquals(old, Files.getLastModifiedTime(file));
        stack().run(() -> perform(new WriteFile(OutputPath.of("page/index.html"), Bytes.utf8("<p>diff</p>"))));
        assertEquals("<p>diff</p>", Files.readString(file));
        assertTrue(Files.getLastModifiedTime(file).compareTo(old) > 0);
    }

    @Test
    void aFileItsStampVouchesForIsLeftAsItIsWithoutBeingRead() throws IOException {
        var path = OutputPath.of("page/index.html");
        var file = temp.resolve("site/public/page/index.html");
        stack().run(() -> perform(new WriteFile(path, Bytes.utf8("<p>old</p>"))));
        var stamp = stack().run(() -> perform(new StatOutputFile(path))).orElseThrow();
        // Other bytes of the same size show that the file was not read: the stamp was trusted.
        stack().run(() -> perform(new WriteFile(path, Bytes.utf8("<p>new</p>")).vouchedBy(stamp)));
        assertEquals("<p>old</p>", Files.readString(file));
        var otherStamp = new FileStamp(stamp.size(), stamp.modified() - 1);
        stack().run(() -> perform(new WriteFile(path, Bytes.utf8("<p>new</p>")).vouchedBy(otherStamp)));
        assertEquals("<p>new</p>", Files.readString(file), "a stamp the file does not have vouches for nothing");
        Files.delete(file);
        stack().run(() -> perform(new WriteFile(path, Bytes.utf8("<p>new</p>")).vouchedBy(stamp)));
        assertEquals("<p>new</p>", Files.readString(file), "nor does any stamp for a missing file");
    }

    @Test
    void aFileOfTheSameSizeIsWrittenAgainWhereverItsBytesDiffer() throws IOException {
        // Larger than the blocks the handler compares, so that a difference in any of them counts.
        var file = temp.resolve("site/public/index.json");
        var path = OutputPath.of("index.json");
        var old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        byte[] content = new byte[200_000];
        java.util.Arrays.fill(content, (byte) 'a');
        stack().run(() -> perform(new WriteFile(path, Bytes.of(content))));
        for (int at : new int[] {0, 65_535, 65_536, 150_000, 199_999}) {
            Files.setLastModifiedTime(file, old);
            stack().run(() -> perform(new WriteFile(path, Bytes.of(content))));
            assertEquals(old, Files.getLastModifiedTime(file), "the same bytes leave the file as it was");
            byte[] changed = content.clone();
            changed[at] = 'b';
            stack().run(() -> perform(new WriteFile(path, Bytes.of(changed))));
            assertTrue(Files.getLastModifiedTime(file).compareTo(old) > 0, "a byte changed at " + at);
            assertEquals(Bytes.of(changed), Bytes.wrap(Files.readAllBytes(file)));
            stack().run(() -> perform(new WriteFile(path, Bytes.of(content))));
        }
    }

    @Test
    void aSpliceReplacesEachPartAndAnswersTheHashOfWhatItLeaves() throws IOException {
        var file = temp.resolve("site/public/index.json");
        var path = OutputPath.of("index.json");
        // Longer than the blocks a splice copies, with parts inside the first and the last block.
        var text = "[" + "x".repeat(1 << 20) + ",{\"a\":1},{\"b\":2}," + "y".repeat(1 << 20) + ",{\"c\":3}]";
        stack().run(() -> perform(new WriteFile(path, Bytes.utf8(text))));
        int a = text.indexOf("{\"a\"");
        int c = text.indexOf("{\"c\"");
        var splice = new SpliceOutputFile(path, List.of(
                new SpliceOutputFile.Part(a, a + 7, Bytes.utf8("{\"a\":"), Bytes.utf8("{\"a\":\"é longer\"}")),
                new SpliceOutputFile.Part(c, c + 7, Bytes.utf8("{\"c"), Bytes.utf8("{}"))));
        var hash = stack().run(() -> perform(splice));
        var expected = text.replace("{\"a\":1}", "{\"a\":\"é longer\"}").replace("{\"c\":3}", "{}");
        assertEquals(expected, Files.readString(file));
        assertEquals(Bytes.utf8(expected).sha256(), hash);
        assertEquals(List.of("index.json"), listing(temp.resolve("site/public")), "no temporary file is left");
    }

    @Test
    void aSpliceOfAFileNotAsExpectedFailsAndLeavesItAsItWas() throws IOException {
        var file = temp.resolve("site/public/index.json");
        var path = OutputPath.of("index.json");
        stack().run(() -> perform(new WriteFile(path, Bytes.utf8("[{\"a\":1}]"))));
        var old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);
        for (var part : List.of(new SpliceOutputFile.Part(1, 8, Bytes.utf8("{\"b\""), Bytes.utf8("{}")),
                new SpliceOutputFile.Part(1, 80, Bytes.utf8("{"), Bytes.utf8("{}")))) {
            var failure = assertThrows(EffectFailedException.class,
                    () -> stack().run(() -> perform(new SpliceOutputFile(path, List.of(part)))));
            assertTrue(failure.getMessage().startsWith("index.json: it "), failure.getMessage());
        }
        assertThrows(EffectFailedException.class, () -> stack().run(() -> perform(new SpliceOutputFile(OutputPath.of("none.json"),
                List.of(new SpliceOutputFile.Part(0, 0, Bytes.utf8(""), Bytes.utf8("x")))))));
        assertEquals("[{\"a\":1}]", Files.readString(file));
        assertEquals(old, Files.getLastModifiedTime(file));
        var same = stack().run(() -> perform(new SpliceOutputFile(path,
                List.of(new SpliceOutputFile.Part(1, 8, Bytes.utf8("{"), Bytes.utf8("{\"a\":1}"))))));
        assertEquals(Bytes.utf8("[{\"a\":1}]").sha256(), same);
        assertEquals(old, Files.getLastModifiedTime(file), "a splice that changes nothing leaves the file as it was");
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(each -> each.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void copiesSiteFilesIntoTheOutput() throws IOException {
        siteFile("static/logo.svg", "<svg/>");
        stack().run(() -> perform(new CopyFile(SitePath.of("static/logo.svg"), OutputPath.of("img/logo.svg"))));
        assertEquals("<svg/>", Files.readString(temp.resolve("site/public/img/logo.svg")));
    }

    @Test
    void aWriteThroughALinkLeadingOutOfTheOutputIsRefusedBeforeAnyFolderIsMadeThroughIt() throws IOException {
        Files.createDirectories(temp.resolve("site/public"));
        Files.createDirectories(temp.resolve("elsewhere"));
        Files.createSymbolicLink(temp.resolve("site/public/sneaky"), temp.resolve("elsewhere"));
        // The link is the written file's folder, or a folder above it.
        for (var output : List.of("sneaky/index.html", "sneaky/deeper/still/index.html")) {
            var failure = assertThrows(EffectFailedException.class, () -> stack().run(
                    () -> perform(new WriteFile(OutputPath.of(output), Bytes.utf8("x")))));
            assertTrue(failure.getMessage().contains("outside the output folder"), failure.getMessage());
        }
        try (var files = Files.list(temp.resolve("elsewhere"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aLinkToAFolderInsideTheOutputIsWrittenThrough() throws IOException {
        Files.createDirectories(temp.resolve("site/public/real"));
        Files.createSymbolicLink(temp.resolve("site/public/alias"), temp.resolve("site/public/real"));
        stack().run(() -> perform(new WriteFile(OutputPath.of("alias/page/index.html"), Bytes.utf8("<p>x</p>"))));
        assertEquals("<p>x</p>", Files.readString(temp.resolve("site/public/real/page/index.html")));
    }

    @Test
    void whetherAFileExistsIsAnsweredFromAListingAheadAsAStatWouldAnswerIt() throws IOException {
        siteFile("layouts/_default/single.hbs", "s");
        siteFile("layouts/partials/header.hbs", "h");
        siteFile("layouts/.hidden/x.hbs", "x");
        siteFile("layouts/partials/.swap.hbs", "w");
        var asked = List.of("layouts/_default/single.hbs", "layouts/partials/header.hbs", "layouts/partials/footer.hbs",
                "layouts/_default/list.hbs", "layouts/.hidden/x.hbs", "layouts/partials/.swap.hbs", "layouts/partials",
                "layouts/none/single.hbs");
        var stat = stack().run(() -> asked.stream().map(path -> perform(new FileExists(SitePath.of(path)))).toList());
        assertEquals(List.of(true, true, false, false, true, true, false, false), stat);
        var files = FileSystemHandler.of(temp.resolve("site"), temp.resolve("site/public"))
                .listingAhead(List.of(SitePath.of("layouts")));
        var listed = HandlerStack.of(files).run(() -> asked.stream().map(path -> perform(new FileExists(SitePath.of(path)))).toList());
        assertEquals(stat, listed);
        // The answers are the listing's, as of the start of the build, like its stamps.
        Files.delete(temp.resolve("site/layouts/_default/single.hbs"));
        assertTrue(HandlerStack.of(files).run(() -> perform(new FileExists(SitePath.of("layouts/_default/single.hbs")))));
    }

    @Test
    void aListingThatMetALinkLeavesWhetherAFileExistsToAStat() throws IOException {
        siteFile("layouts/partials/header.hbs", "h");
        siteFile("elsewhere/footer.hbs", "f");
        Files.createSymbolicLink(temp.resolve("site/layouts/partials/footer.hbs"), temp.resolve("site/elsewhere/footer.hbs"));
        var files = FileSystemHandler.of(temp.resolve("site"), temp.resolve("site/public"))
                .listingAhead(List.of(SitePath.of("layouts")));
        assertTrue(HandlerStack.of(files).run(() -> perform(new FileExists(SitePath.of("layouts/partials/footer.hbs")))));
        assertFalse(HandlerStack.of(files).run(() -> perform(new FileExists(SitePath.of("layouts/partials/none.hbs")))));
    }

    @Test
    void aFileReadAgainInOneBuildIsAnsweredWithTheBytesReadFirstAndTheirHash() throws IOException {
        siteFile("content/page.md", "first");
        var build = HandlerStack.of(FileSystemHandler.of(temp.resolve("site"), temp.resolve("site/public")));
        var first = build.run(() -> perform(new ReadFile(SitePath.of("content/page.md"))));
        first.sha256();
        siteFile("content/page.md", "second");
        var again = build.run(() -> perform(new ReadFile(SitePath.of("content/page.md"))));
        // The same object, so that its hash, computed once, serves every trace that read it.
        assertSame(first, again);
        assertEquals("second", stack().run(() -> perform(new ReadFile(SitePath.of("content/page.md")))).asUtf8());
    }
}
