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
    void aStoreMadeMostlyOfAnEarlierOnesTracesReadsBackTheSameAsOneWrittenAfresh() {
        var earlier = TraceStore.decode(TraceStore.of(VERSION, traces(20)).encode(), VERSION);
        var next = new ArrayList<PageTrace>();
        for (int n = 0; n < 20; n++) {
            // Most traces are the very objects the earlier store decoded; two are new.
            next.add(n == 3 || n == 11 ? trace(n + 100) : earlier.reusable("page:p" + n + "/index.html").orElseThrow());
        }
        var copied = TraceStore.decode(TraceStore.of(VERSION, next, earlier).encode(), VERSION);
        var fresh = TraceStore.decode(TraceStore.of(VERSION, next).encode(), VERSION);
        assertEquals(fresh.traces(), copied.traces());
        assertEquals(Optional.of(trace(103)), copied.reusable("page:p103/index.html"));
    }

    @Test
    void aStoreUpdatedWithAFewTracesKeepsTheOthersAsTheyWere() {
        var earlier = TraceStore.decode(TraceStore.of(VERSION, traces(20)).encode(), VERSION);
        var replaced = new PageTrace("page:p3/index.html", Map.of(), List.of(), List.of(), Bytes.utf8("new"));
        var added = trace(50);
        var updated = TraceStore.updated(VERSION, earlier, List.of(replaced, added));
        var expected = new java.util.TreeMap<String, PageTrace>();
        traces(20).forEach(trace -> expected.put(trace.key(), trace));
        expected.put(replaced.key(), replaced);
        expected.put(added.key(), added);
        assertEquals(expected, updated.traces());
        assertEquals(expected, TraceStore.decode(updated.encode(), VERSION).traces());
        // Updated again, as kiln serve's builds do in memory.
        var again = TraceStore.updated(VERSION, updated, List.of(trace(3)));
        expected.put("page:p3/index.html", trace(3));
        assertEquals(expected, TraceStore.decode(again.encode(), VERSION).traces());
        assertEquals(Optional.of(added), again.reusable(added.key()));
    }

    @Test
    void aStoreUpdatedAgainAndAgainInMemoryStaysOneStepFromTheStoreItWasRead() {
        // kiln serve updates the store in memory after every edit, for as long as it runs.
        var store = TraceStore.decode(TraceStore.of(VERSION, traces(20)).encode(), VERSION);
        for (int edit = 0; edit < 50_000; edit++) {
            store = TraceStore.updated(VERSION, store, List.of(trace(edit % 10)));
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
}
