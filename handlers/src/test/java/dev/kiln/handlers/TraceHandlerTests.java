package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.ChangedFiles;
import dev.kiln.effects.Codec;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.KeepEarlierTrace;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.ReadOutputFile;
import dev.kiln.effects.Recorded;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.SpliceOutputFile;
import dev.kiln.effects.StatOutputFile;
import dev.kiln.effects.Traced;
import dev.kiln.effects.Unit;
import dev.kiln.effects.WriteFile;
import dev.kiln.testing.InMemoryFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the trace handler tells a computation that runs again, and what it keeps of its last run. */
class TraceHandlerTests {
    private static final String VERSION = "test";

    private final InMemoryFiles files = InMemoryFiles.of(Map.of("content/a.md", "a", "content/b.md", "b", "content/c.md", "c"));
    private TraceStore store = TraceStore.empty(VERSION, "first build");

    /** Runs a traced computation keyed "all" in a build of its own; answers what it answered. */
    private <T> T build(Map<String, String> fingerprints, Supplier<T> computation, Codec<T> codec) {
        var trace = TraceHandler.reusing(store, VERSION);
        var answer = HandlerStack.of(trace, files).run(() -> perform(new Traced<>("all", fingerprints, codec, computation)));
        store = TraceStore.decode(trace.store().encode(), VERSION);
        return answer;
    }

    private final List<Optional<ChangedFiles.Changes>> changes = new ArrayList<>();

    private static Optional<ChangedFiles.Changes> changed(String... files) {
        return Optional.of(new ChangedFiles.Changes(
                java.util.Arrays.stream(files).map(SitePath::of).collect(java.util.stream.Collectors.toSet()), Set.of()));
    }

    /** Fingerprints are hashes: the store keeps them as raw bytes. */
    private static String hash(String text) {
        return Bytes.utf8(text).sha256();
    }

    /** Reads every file and writes their concatenation; asks what changed first. */
    private Unit readAll() {
        changes.add(perform(new ChangedFiles()));
        var text = new StringBuilder();
        for (var path : perform(new ListFiles(SitePath.of("content")))) {
            text.append(perform(new ReadFile(path)).asUtf8());
        }
        perform(new WriteFile(OutputPath.of("all.txt"), Bytes.utf8(text.toString())));
        return Unit.UNIT;
    }

    @Test
    void aComputationThatRunsAgainLearnsWhichFilesChangedWhereNothingElseDid() {
        build(Map.of(), this::readAll, Codec.unit());
        files.put("content/b.md", "B");
        build(Map.of(), this::readAll, Codec.unit());
        files.put("content/a.md", "A").put("content/c.md", "C");
        build(Map.of(), this::readAll, Codec.unit());
        assertEquals(List.of(Optional.empty(), changed("content/b.md"), changed("content/a.md", "content/c.md")), changes);

        changes.clear();
        files.put("content/d.md", "d");
        build(Map.of(), this::readAll, Codec.unit());
        files.put("content/a.md", "again");
        build(Map.of("config", hash("2")), this::readAll, Codec.unit());
        assertEquals(List.of(Optional.empty(), Optional.empty()), changes,
                "a new file, another fingerprint: more than files changed");

        changes.clear();
        files.putOutput("all.txt", "edited by hand");
        files.put("content/a.md", "and again");
        build(Map.of("config", hash("2")), this::readAll, Codec.unit());
        assertEquals(List.of(Optional.of(new ChangedFiles.Changes(Set.of(SitePath.of("content/a.md")),
                Set.of(OutputPath.of("all.txt"))))), changes, "an output changed outside comes with the answer");
    }

    @Test
    void moreChangedFilesThanTheCheckStopsAtAreAllAnswered() {
        files.put("content/d.md", "d").put("content/e.md", "e");
        build(Map.of(), this::readAll, Codec.unit());
        for (var name : List.of("a", "b", "c", "d", "e")) {
            files.put("content/" + name + ".md", name.toUpperCase());
        }
        build(Map.of(), this::readAll, Codec.unit());
        assertEquals(changed("content/a.md", "content/b.md", "content/c.md", "content/d.md", "content/e.md"),
                changes.getLast());
    }

    @Test
    void aComputationThatKeepsItsEarlierTraceStillDependsOnWhatItDidNotReadAgain() {
        build(Map.of(), this::readAll, Codec.unit());
        files.put("content/b.md", "B");
        // Updates its output from the one it wrote and the one file that changed.
        build(Map.of(), () -> {
            perform(new KeepEarlierTrace());
            var before = perform(new ReadOutputFile(OutputPath.of("all.txt"))).orElseThrow().asUtf8();
            var b = perform(new ReadFile(SitePath.of("content/b.md"))).asUtf8();
            perform(new WriteFile(OutputPath.of("all.txt"), Bytes.utf8(before.replace("b", b))));
            return Unit.UNIT;
        }, Codec.unit());
        assertEquals("aBc", files.outputText("all.txt"));

        changes.clear();
        build(Map.of(), this::readAll, Codec.unit());
        assertEquals(List.of(), changes, "its trace holds: the output it read follows from the inputs kept");
        files.put("content/c.md", "C");
        build(Map.of(), this::readAll, Codec.unit());
        assertEquals(List.of(changed("content/c.md")), changes, "a file it did not read again is still one of its inputs");
        assertEquals("aBC", files.outputText("all.txt"));
    }

    @Test
    void aComputationThatSplicesItsOutputKeepsATraceThatHolds() {
        for (boolean touched : new boolean[] {false, true}) {
            files.put("content/b.md", "b");
            build(Map.of(), this::readAll, Codec.unit());
            if (touched) {
                // The same bytes with another stamp: the splice must compare them by their hash.
                files.putOutput("all.txt", files.outputText("all.txt"));
            }
            files.put("content/b.md", "B");
            build(Map.of(), () -> {
                perform(new KeepEarlierTrace());
                var b = perform(new ReadFile(SitePath.of("content/b.md")));
                perform(new SpliceOutputFile(OutputPath.of("all.txt"),
                        List.of(new SpliceOutputFile.Part(1, 2, Bytes.utf8("b"), b))));
                return Unit.UNIT;
            }, Codec.unit());
            assertEquals("aBc", files.outputText("all.txt"));
            var trace = TraceHandler.reusing(store, VERSION);
            var recorded = HandlerStack.of(trace, files).run(() -> {
                perform(new Traced<>("all", Map.of(), Codec.unit(), this::readAll));
                return perform(new Recorded<>("all", Codec.unit())).orElseThrow();
            });
            assertEquals(Map.of(), trace.rebuilt(), "touched: " + touched);
            assertEquals(Bytes.utf8("aBc").sha256(), recorded.outputs().get(OutputPath.of("all.txt")));
        }
    }

    @Test
    void readingAnOutputWithoutKeepingTheEarlierTraceMakesTheComputationRunEveryTime() {
        build(Map.of(), this::readAll, Codec.unit());
        Supplier<Unit> copyOutput = () -> {
            perform(new ReadOutputFile(OutputPath.of("all.txt")));
            return Unit.UNIT;
        };
        build(Map.of("copy", hash("1")), copyOutput, Codec.unit());
        var trace = TraceHandler.reusing(store, VERSION);
        HandlerStack.of(trace, files).run(() -> perform(new Traced<>("all", Map.of("copy", hash("1")), Codec.unit(), copyOutput)));
        assertEquals(Map.of("all", List.of("it reads the output all.txt")), trace.rebuilt());
    }

    @Test
    void theLastBuildsAnswerAndOutputsCanBeAskedFor() {
        var codec = new Codec<String>() {
            @Override
            public Bytes encode(String value) {
                return Bytes.utf8(value);
            }

            @Override
            public String decode(Bytes bytes) {
                return bytes.asUtf8();
            }
        };
        build(Map.of("config", hash("1")), () -> {
            readAll();
            return "answer";
        }, codec);
        var answer = HandlerStack.of(TraceHandler.reusing(store, VERSION), files)
                .run(() -> perform(new Recorded<>("all", codec)));
        assertEquals(Optional.of(new Recorded.Answer<>("answer", Map.of("config", hash("1")),
                Map.of(OutputPath.of("all.txt"), Bytes.utf8("abc").sha256()))), answer);
        assertTrue(HandlerStack.of(TraceHandler.reusing(store.withoutReuse("--no-cache"), VERSION), files)
                .run(() -> perform(new Recorded<>("all", codec))).isEmpty());
    }

    private FileStamp outputStamp(String path) {
        return HandlerStack.of(files).run(() -> perform(new StatOutputFile(OutputPath.of(path)))).orElseThrow();
    }

    /** Writes content/a.md's text to page.html, and reads content/b.md for nothing it writes. */
    private Unit writePage() {
        perform(new ReadFile(SitePath.of("content/b.md")));
        perform(new WriteFile(OutputPath.of("page.html"), perform(new ReadFile(SitePath.of("content/a.md")))));
        return Unit.UNIT;
    }

    @Test
    void aPageThatRunsAgainLeavesAFileWithTheSameBytesAsItsLastRunLeftIt() {
        build(Map.of(), this::writePage, Codec.unit());
        var written = outputStamp("page.html");
        files.put("content/b.md", "B");
        build(Map.of(), this::writePage, Codec.unit());
        assertEquals(written, outputStamp("page.html"), "the stamp the last run left vouched for the file");
        files.put("content/a.md", "A");
        build(Map.of(), this::writePage, Codec.unit());
        assertEquals("A", files.outputText("page.html"));
    }

    @Test
    void aSecondBuildInOneProcessUnderNoCacheLeavesAFileItsStampVouchesFor() {
        var memory = new TraceStore[] {store};
        Runnable buildWithoutReuse = () -> {
            var trace = TraceHandler.reusing(memory[0].withoutReuse("--no-cache"), VERSION);
            HandlerStack.of(trace, files).run(() -> perform(new Traced<>("page", Map.of(), Codec.unit(), this::writePage)));
            assertEquals(List.of("--no-cache"), trace.rebuilt().get("page"));
            memory[0] = trace.store();
        };
        buildWithoutReuse.run();
        var written = outputStamp("page.html");
        buildWithoutReuse.run();
        assertEquals(written, outputStamp("page.html"), "the stamp the last run left vouched for the file");
        files.putOutput("page.html", "b");
        buildWithoutReuse.run();
        assertEquals("a", files.outputText("page.html"), "a file changed outside kiln has another stamp");
    }

    /** Builds a computation writing 5,000 outputs; answers why it ran, empty where its trace held. */
    private List<String> buildOfManyOutputs() {
        Supplier<Unit> writeMany = () -> {
            for (int i = 0; i < 5000; i++) {
                perform(new WriteFile(OutputPath.of("p/" + i + ".html"), Bytes.utf8("page " + i)));
            }
            return Unit.UNIT;
        };
        var trace = TraceHandler.reusing(store, VERSION);
        HandlerStack.of(trace, ParallelHandler.pool(2), files)
                .run(() -> perform(new Traced<>("many", Map.of(), Codec.unit(), writeMany)));
        store = TraceStore.decode(trace.store().encode(), VERSION);
        return trace.rebuilt().getOrDefault("many", List.of());
    }

    @Test
    void aTraceOfThousandsOfOutputsFindsEachOneChangedOrRemovedOutsideKiln() {
        // Over the size from which a trace's checks are shared out over forks, each fork asking
        // for its outputs' stamps at once.
        assertEquals(List.of("first build"), buildOfManyOutputs());
        assertEquals(List.of(), buildOfManyOutputs());
        files.putOutput("p/4321.html", "page 4321");
        assertEquals(List.of(), buildOfManyOutputs(), "a new stamp over the same bytes");
        files.putOutput("p/4321.html", "edited by hand");
        assertEquals(List.of("its output p/4321.html was changed outside kiln"), buildOfManyOutputs());
        files.deleteOutput("p/17.html");
        files.deleteOutput("p/4999.html");
        assertEquals(List.of("its output p/17.html is missing", "its output p/4999.html is missing"),
                buildOfManyOutputs());
        assertEquals(List.of(), buildOfManyOutputs());
    }
}
