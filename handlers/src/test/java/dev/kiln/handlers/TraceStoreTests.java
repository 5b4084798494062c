package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.SitePath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TraceStoreTests {
    private static final String VERSION = "v1";

    private static String hash(int seed) {
        return Bytes.utf8("content " + seed).sha256();
    }

    private static PageTrace trace(int n) {
        return new PageTrace("page:p" + n + "/index.html", Map.of("config", hash(0), "site data", hash(n)),
                List.of(new TraceInput.FileContent(SitePath.of("content/p" + n + ".md"), new FileStamp(10 + n, 1000L * n), hash(n)),
                        new TraceInput.Existence(SitePath.of("layouts/_default/single.hbs"), true),
                        new TraceInput.Listing(SitePath.of("content"), hash(99)),
                        new TraceInput.Volatile("it reads the clock")),
                List.of(new PageTrace.WrittenOutput(OutputPath.of("p" + n + "/index.html"), null, hash(n + 1000))),
                Bytes.utf8("value " + n));
    }

    private static List<PageTrace> traces(int count) {
        var traces = new ArrayList<PageTrace>();
        for (int n = 0; n < count; n++) {
            traces.add(trace(n));
        }
        return traces;
    }

    @Test
    void aStoreReadsBackAsWritten() {
        var store = TraceStore.decode(TraceStore.of(VERSION, traces(20)).encode(), VERSION);
        assertEquals(Optional.empty(), store.notReusable());
        assertEquals(Optional.of(trace(7)), store.reusable("page:p7/index.html"));
        assertEquals(20, store.traces().size());
        assertEquals(OutputPath.of("p0/index.html"), store.outputs().getFirst());
    }

    @Test
    void stringsOfAnyCharacterReadBackAsWritten() {
        // ASCII strings are copied as they lie; others (accents, CJK, a character outside the BMP,
        // NUL, which modified UTF-8 writes in two bytes) are decoded as a data stream would.
        var text = List.of("content/\u00fcber.md", "content/\u65e5\u672c\u8a9e/x.md", "content/\ud83d\ude00.md",
                "content/plain.md");
        var inputs = new ArrayList<TraceInput>();
        text.forEach(path -> inputs.add(new TraceInput.FileContent(SitePath.of(path), new FileStamp(1, 2), hash(3))));
        inputs.add(new TraceInput.Volatile("it reads \u0000 the clock \u00e9"));
        var odd = new PageTrace("page:\u00e9t\u00e9/index.html", Map.of("caf\u00e9", hash(1)), inputs,
                List.of(new PageTrace.WrittenOutput(OutputPath.of("\u00e9t\u00e9/index.html"), null, hash(2))),
                Bytes.utf8("value"));
        var all = new ArrayList<>(traces(3));
        all.add(odd);
        var store = TraceStore.decode(TraceStore.of(VERSION, all).encode(), VERSION);
        assertEquals(Optional.of(odd), store.reusable(odd.key()));
        assertEquals(Optional.of(trace(2)), store.reusable(trace(2).key()));
    }

    @Test
    void aStoreMadeMostlyOfAnEarlierOnesTracesReadsBackTheSameAsOneWrittenAfresh() {
        var earlier = TraceStore.decode(TraceStore.of(VERSION, traces(20)).encode(), VERSION);
        var next = new ArrayList<PageTrace>();
        for (int n = 0; n < 20; n++) {
            // Most traces are the very objects the earlier store decoded; two are new.
            next.add(n == 3 || n == 11 ? trace(n + 100) : earlier.reusable("page:p" + n + "/index.html").orElseThrow());
        }
        var copied = TraceStore.decode(TraceStore.of(VERSION, next, earlier, Set.of()).encode(), VERSION);
        var fresh = TraceStore.decode(TraceStore.of(VERSION, next).encode(), VERSION);
        assertEquals(fresh.traces(), copied.traces());
        assertEquals(Optional.of(trace(103)), copied.reusable("page:p103/index.html"));
    }

    @Test
    void aStoreUpdatedWithAFewTracesKeepsTheOthersAsTheyWere() {
        var earlier = TraceStore.decode(TraceStore.of(VERSION, traces(20)).encode(), VERSION);
        var replaced = new PageTrace("page:p3/index.html", Map.of(), List.of(), List.of(), Bytes.utf8("new"));
        var added = trace(50);
        var updated = TraceStore.updated(VERSION, earlier, List.of(replaced, added), Set.of());
        var expected = new java.util.TreeMap<String, PageTrace>();
        traces(20).forEach(trace -> expected.put(trace.key(), trace));
        expected.put(replaced.key(), replaced);
        expected.put(added.key(), added);
        assertEquals(expected, updated.traces());
        assertEquals(expected, TraceStore.decode(updated.encode(), VERSION).traces());
        // Updated again, as kiln serve's builds do in memory.
        var again = TraceStore.updated(VERSION, updated, List.of(trace(3)), Set.of());
        expected.put("page:p3/index.html", trace(3));
        assertEquals(expected, TraceStore.decode(again.encode(), VERSION).traces());
        assertEquals(Optional.of(added), again.reusable(added.key()));
    }

    @Test
    void aStoreUpdatedAgainAndAgainInMemoryStaysOneStepFromTheStoreItWasRead() {
        // kiln serve updates the store in memory after every edit, for as long as it runs.
        var store = TraceStore.decode(TraceStore.of(VERSION, traces(20)).encode(), VERSION);
        for (int edit = 0; edit < 50_000; edit++) {
            store = TraceStore.updated(VERSION, store, List.of(trace(edit % 10)), Set.of());
        }
        // A trace no edit touched is still one step away, not fifty thousand.
        assertEquals(Optional.of(trace(19)), store.reusable("page:p19/index.html"));
        assertEquals(TraceStore.decode(TraceStore.of(VERSION, traces(20)).encode(), VERSION).traces(),
                TraceStore.decode(store.encode(), VERSION).traces());
    }

    @Test
    void aDamagedStoreIsSetAsideNeverTrusted() {
        var good = TraceStore.of(VERSION, traces(5)).encode().toArray();
        var truncated = Arrays.copyOf(good, good.length - 20);
        assertEquals(Optional.of("the build cache is corrupt"),
                TraceStore.decode(Bytes.of(truncated), VERSION).notReusable());
        var flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertEquals(Optional.of("the build cache is corrupt"), TraceStore.decode(Bytes.of(flipped), VERSION).notReusable());
        assertEquals(Optional.of("the build cache is not one of kiln's"),
                TraceStore.decode(Bytes.utf8("hello"), VERSION).notReusable());
        var foreign = TraceStore.decode(Bytes.of(good), "v2");
        assertEquals(Optional.of("kiln version changed (v1 to v2)"), foreign.notReusable());
        assertTrue(foreign.reusable("page:p1/index.html").isEmpty());
        assertEquals(5, foreign.outputs().size(), "a foreign store still names the outputs to prune");
    }

    /** Bytes read as a file is, the reads counted, {@code replacement} answering those past the head. */
    private record FileLike(byte[] bytes, byte[] replacement, AtomicInteger reads) implements TraceStore.Source {
        @Override
        public byte[] read(long offset, int length) {
            reads.incrementAndGet();
            var from = offset == 0 ? bytes : replacement;
            return Arrays.copyOfRange(from, (int) Math.min(offset, from.length), (int) Math.min(offset + length, from.length));
        }

        @Override
        public long size() {
            return bytes.length;
        }
    }

    private static TraceStore read(byte[] bytes, AtomicInteger reads) throws java.io.IOException {
        return TraceStore.read(new FileLike(bytes, bytes, reads), VERSION);
    }

    /** A whole build's trace, as the outermost computation of a build records it. */
    private static final PageTrace OUTER = new PageTrace("site", Map.of(), List.of(), List.of(), Bytes.utf8("whole"));

    /** Answers the bytes of a store of {@code pages} page traces and {@link #OUTER} in its head. */
    private static byte[] withOuter(int pages) {
        var all = new ArrayList<>(traces(pages));
        all.add(OUTER);
        return TraceStore.of(VERSION, all, null, Set.of(OUTER.key())).encode().toArray();
    }

    @Test
    void theOutermostTraceIsReadWithoutTheRest() throws java.io.IOException {
        var reads = new AtomicInteger();
        var store = read(withOuter(20), reads);
        int headReads = reads.get();
        assertEquals(Optional.of(OUTER), store.reusable("site"));
        assertEquals(headReads, reads.get(), "the head alone answers the outermost trace");
        assertEquals(Optional.of(trace(4)), store.reusable("page:p4/index.html"));
        assertEquals(Optional.of(trace(9)), store.reusable("page:p9/index.html"));
        assertEquals(headReads + 3, reads.get(), "a few traces are read alone: the rest's strings once, then each trace");
        // Updated after a build that ran the outermost computation again: it stays in the head.
        var again = new PageTrace("site", Map.of(), List.of(), List.of(), Bytes.utf8("again"));
        var updated = TraceStore.updated(VERSION, store, List.of(again, trace(30)), Set.of("site")).encode().toArray();
        var next = read(updated, reads);
        reads.set(0);
        assertEquals(Optional.of(again), next.reusable("site"));
        assertEquals(0, reads.get());
        assertEquals(22, next.traces().size());
    }

    @Test
    void aBuildAskingForManyTracesReadsTheRestWhole() throws java.io.IOException {
        var reads = new AtomicInteger();
        var store = read(withOuter(100), reads);
        int headReads = reads.get();
        for (int n = 0; n < 100; n++) {
            assertEquals(Optional.of(trace(n)), store.reusable("page:p" + n + "/index.html"));
        }
        assertEquals(Optional.empty(), store.reusable("page:none/index.html"));
        // The strings, 64 traces alone, then the rest whole, once.
        assertEquals(headReads + 1 + 64 + 1, reads.get());
        assertEquals(Optional.empty(), store.notReusable());
        assertEquals(101, store.traces().size());
    }

    @Test
    void aTraceReadAloneWhoseBytesAreNotAsTheIndexSaysSetsTheStoreAside() throws java.io.IOException {
        var bytes = withOuter(5);
        var damaged = bytes.clone();
        // The last byte of the last trace's body (its value): the head and the strings still hold.
        damaged[damaged.length - 1] ^= 1;
        var store = TraceStore.read(new FileLike(bytes, damaged, new AtomicInteger()), VERSION);
        assertEquals(Optional.of(OUTER), store.reusable("site"));
        var found = new ArrayList<Optional<PageTrace>>();
        for (int n = 0; n < 5; n++) {
            found.add(store.reusable("page:p" + n + "/index.html"));
        }
        assertTrue(found.contains(Optional.empty()), "the damaged trace is not given");
        assertEquals(Optional.of("the build cache is corrupt"), store.notReusable());
    }

    @Test
    void aRestThatIsNotTheOneItsHeadWasWrittenWithIsNeverTrusted() throws java.io.IOException {
        var bytes = withOuter(5);
        // Another build replaced the file between the reads of the head and of the rest.
        var other = TraceStore.of(VERSION, traces(6), null, Set.of()).encode().toArray();
        var store = TraceStore.read(new FileLike(bytes, other, new AtomicInteger()), VERSION);
        assertEquals(Optional.of(OUTER), store.reusable("site"), "the head holds together on its own");
        assertEquals(Optional.empty(), store.reusable("page:p1/index.html"));
        assertEquals(Optional.of("the build cache is corrupt"), store.notReusable());
        var cut = Arrays.copyOf(bytes, bytes.length - 1);
        assertEquals(Optional.of("the build cache is corrupt"),
                TraceStore.read(new FileLike(cut, cut, new AtomicInteger()), VERSION).notReusable(),
                "a store cut short is set aside before its head is trusted");
    }

    /** Answers a trace of page {@code n} as a later build recorded it: another hash, another value. */
    private static PageTrace changed(int n) {
        var earlier = trace(n);
        return new PageTrace(earlier.key(), earlier.fingerprints(), earlier.inputs(),
                List.of(new PageTrace.WrittenOutput(OutputPath.of("p" + n + "/index.html"), null, hash(n + 5000))),
                Bytes.utf8("changed " + n));
    }

    private static java.util.TreeMap<String, PageTrace> byKey(List<PageTrace> traces) {
        var map = new java.util.TreeMap<String, PageTrace>();
        traces.forEach(trace -> map.put(trace.key(), trace));
        return map;
    }

    @Test
    void aBuildThatChangedAFewTracesIsKeptAsADeltaOfTheBytesBeforeIt() {
        var base = Bytes.of(withOuter(20));
        var store = TraceStore.decode(base, VERSION);
        store.reusable("page:p3/index.html");
        var again = new PageTrace("site", Map.of(), List.of(), List.of(), Bytes.utf8("again"));
        var updated = TraceStore.updated(VERSION, store, List.of(again, changed(3), trace(30)), Set.of("site"));
        assertTrue(updated.writableAsDelta());
        var delta = updated.encodeDelta();
        assertTrue(delta.size() < base.size() / 3, delta.size() + " bytes of delta for " + base.size());
        var expected = new java.util.TreeMap<>(TraceStore.decode(base, VERSION).traces());
        expected.putAll(byKey(List.of(again, changed(3), trace(30))));
        var read = TraceStore.decode(base, delta, VERSION);
        assertEquals(expected, read.traces());
        assertEquals(Optional.of(changed(3)), read.reusable("page:p3/index.html"), "the delta's trace, not the rest's");
        assertEquals(Optional.of(again), read.reusable("site"));

        // A delta on top of that one holds the first one's traces too.
        var later = TraceStore.updated(VERSION, read, List.of(changed(7)), Set.of());
        var secondDelta = later.encodeDelta();
        expected.put(changed(7).key(), changed(7));
        assertEquals(expected, TraceStore.decode(base, secondDelta, VERSION).traces());

        // Written whole, it keeps the delta's traces, not those the rest held for the same keys.
        var whole = TraceStore.updated(VERSION, TraceStore.decode(base, secondDelta, VERSION), List.of(trace(31)), Set.of());
        expected.put(trace(31).key(), trace(31));
        assertEquals(expected, TraceStore.decode(whole.encode(), VERSION).traces());
        var full = TraceStore.of(VERSION, List.copyOf(expected.values()), TraceStore.decode(base, secondDelta, VERSION),
                Set.of("site"));
        full.traces();
        assertEquals(expected, TraceStore.decode(full.encode(), VERSION).traces());
    }

    @Test
    void aWholeBuildsTraceThatKeptMostOfItsEntriesReadsBackFromADeltaAsMade() {
        // As a body edit keeps the whole build's earlier trace: its entries (or equal ones), a few
        // replaced, one added; the delta's head copies those it shares with the trace it was read as.
        var inputs = new ArrayList<TraceInput>();
        var outputs = new ArrayList<PageTrace.WrittenOutput>();
        for (int n = 0; n < 300; n++) {
            inputs.add(new TraceInput.FileContent(SitePath.of("content/p" + n + ".md"), new FileStamp(n, 7L * n), hash(n)));
            inputs.add(new TraceInput.Existence(SitePath.of("layouts/p" + n + ".hbs"), n % 2 == 0));
            outputs.add(new PageTrace.WrittenOutput(OutputPath.of("p" + n + "/index.html"), new FileStamp(n, n), hash(n + 7)));
        }
        inputs.add(new TraceInput.Volatile("it reads the clock"));
        var site = new PageTrace("site", Map.of("config", hash(1)), inputs, outputs, Bytes.utf8("whole"));
        var all = new ArrayList<>(traces(10));
        all.add(site);
        var base = TraceStore.of(VERSION, all, null, Set.of("site")).encode();
        var store = TraceStore.decode(base, VERSION);
        var read = store.reusable("site").orElseThrow();
        var keptInputs = new ArrayList<>(read.inputs());
        keptInputs.set(0, new TraceInput.FileContent(SitePath.of("content/p0.md"), new FileStamp(1, 2), hash(1000)));
        keptInputs.set(301, new TraceInput.Existence(SitePath.of("layouts/p150.hbs"), false));
        // Equal, not the same object: as the search index's trace, read apart, hands the whole build's.
        keptInputs.set(400, new TraceInput.FileContent(SitePath.of("content/p200.md"), new FileStamp(200, 1400), hash(200)));
        keptInputs.add(new TraceInput.Listing(SitePath.of("content/\u00e9t\u00e9"), hash(1002)));
        var keptOutputs = new ArrayList<>(read.outputs());
        keptOutputs.set(299, new PageTrace.WrittenOutput(OutputPath.of("p299/index.html"), new FileStamp(5, 6), hash(1003)));
        keptOutputs.set(3, new PageTrace.WrittenOutput(OutputPath.of("p3/index.html"), null, hash(1004)));
        var edited = new PageTrace("site", Map.of("config", hash(1), "new", hash(2)), keptInputs, keptOutputs,
                Bytes.utf8("edited"));
        var updated = TraceStore.updated(VERSION, store, List.of(edited, changed(4)), Set.of("site"));
        assertTrue(updated.writableAsDelta());
        var withDelta = TraceStore.decode(base, updated.encodeDelta(), VERSION);
        assertEquals(Optional.of(edited), withDelta.reusable("site"));
        assertEquals(Optional.of(changed(4)), withDelta.reusable(changed(4).key()));
        // And again on top of that delta, from the trace read back from it.
        var again = withDelta.reusable("site").orElseThrow();
        var againInputs = new ArrayList<>(again.inputs());
        againInputs.removeFirst();
        var third = new PageTrace("site", again.fingerprints(), againInputs, again.outputs(), again.value());
        var next = TraceStore.updated(VERSION, withDelta, List.of(third), Set.of("site"));
        assertEquals(Optional.of(third), TraceStore.decode(base, next.encodeDelta(), VERSION).reusable("site"));
    }

    @Test
    void aDeltaOfOtherBytesIsIgnoredAndADamagedOneSetsTheStoreAside() {
        var base = Bytes.of(withOuter(20));
        var updated = TraceStore.updated(VERSION, TraceStore.decode(base, VERSION), List.of(changed(2)), Set.of());
        var delta = updated.encodeDelta().toArray();
        // The store was written whole since (the delta's removal was interrupted): the delta names other bytes.
        var rewritten = Bytes.of(withOuter(21));
        assertEquals(TraceStore.decode(rewritten, VERSION).traces(), TraceStore.decode(rewritten, Bytes.of(delta), VERSION).traces());
        // Written by another kiln: the store is read as that kiln left it, and not reused.
        assertEquals(Optional.of("kiln version changed (v1 to v2)"), TraceStore.decode(base, Bytes.of(delta), "v2").notReusable());
        for (int at : new int[] {3, 12, delta.length / 2, delta.length - 3}) {
            var flipped = delta.clone();
            flipped[at] ^= 0x10;
            assertEquals(Optional.of("the build cache is corrupt"),
                    TraceStore.decode(base, Bytes.of(flipped), VERSION).notReusable(), "a byte flipped at " + at);
        }
        assertEquals(Optional.of("the build cache is corrupt"),
                TraceStore.decode(base, Bytes.of(Arrays.copyOf(delta, delta.length - 1)), VERSION).notReusable());
    }

    @Test
    void onlyAStoreThatKeptItsBaseAndChangedAFewTracesIsWrittenAsADelta() {
        var store = TraceStore.decode(Bytes.of(withOuter(TraceStore.DELTA_LIMIT + 10)), VERSION);
        var many = new ArrayList<PageTrace>();
        for (int n = 0; n <= TraceStore.DELTA_LIMIT; n++) {
            many.add(changed(n));
        }
        assertTrue(!TraceStore.updated(VERSION, store, many, Set.of()).writableAsDelta(), "too many changed traces");
        assertTrue(TraceStore.updated(VERSION, store, many.subList(0, TraceStore.DELTA_LIMIT), Set.of()).writableAsDelta());
        assertTrue(!TraceStore.of(VERSION, many, store, Set.of()).writableAsDelta(), "a store that dropped traces");
        assertTrue(!TraceStore.of(VERSION, traces(3)).writableAsDelta(), "a store with no bytes under it");
        assertTrue(!TraceStore.updated(VERSION, store.withoutReuse("--no-cache was given"), many.subList(0, 2), Set.of())
                .writableAsDelta(), "a store set aside");
    }

    @Test
    void aStoreFileKeepsAnEditAsADeltaAndWholeBytesRemoveIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        var file = TraceStoreFile.in(folder);
        var all = new ArrayList<>(traces(20));
        all.add(OUTER);
        file.save(TraceStore.of(VERSION, all, null, Set.of("site")));
        var whole = java.nio.file.Files.readAllBytes(folder.resolve(TraceStoreFile.NAME));
        var updated = TraceStore.updated(VERSION, file.load(VERSION), List.of(changed(5)), Set.of());
        file.save(updated);
        assertTrue(Arrays.equals(whole, java.nio.file.Files.readAllBytes(folder.resolve(TraceStoreFile.NAME))),
                "the whole store is not written again");
        assertTrue(java.nio.file.Files.exists(folder.resolve(TraceStoreFile.DELTA_NAME)));
        var expected = byKey(all);
        expected.put(changed(5).key(), changed(5));
        assertEquals(expected, file.load(VERSION).traces());
        file.save(TraceStore.of(VERSION, List.copyOf(expected.values()), file.load(VERSION), Set.of("site")));
        assertTrue(!java.nio.file.Files.exists(folder.resolve(TraceStoreFile.DELTA_NAME)));
        assertEquals(expected, file.load(VERSION).traces());
    }
}
