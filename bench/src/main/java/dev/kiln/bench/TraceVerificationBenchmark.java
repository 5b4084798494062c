package dev.kiln.bench;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Codec;
import dev.kiln.effects.FileExists;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.Traced;
import dev.kiln.effects.Unit;
import dev.kiln.effects.WriteFile;
import dev.kiln.handlers.TraceHandler;
import dev.kiln.handlers.TraceStore;
import dev.kiln.testing.InMemoryFiles;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What checking one page's trace costs when it holds: its source, two layout lookups, the layout
 * and a partial read, its output, and two fingerprints, answered by in-memory files. A new trace
 * handler each time, as each build has one, so nothing is remembered between checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TraceVerificationBenchmark {
    private static final String VERSION = "bench";
    private InMemoryFiles files;
    private TraceStore store;
    private Traced<Unit> page;

    @Setup
    public void setUp() {
        files = InMemoryFiles.empty()
                .put("content/blog/post.md", "---\ntitle: Post\n---\nBody text.\n")
                .put("layouts/_default/single.hbs", "{{> partials/head}}<main>{{{page.content}}}</main>")
                .put("layouts/partials/head.hbs", "<title>{{page.title}}</title>");
        var fingerprints = Map.of("config", "a".repeat(64), "site data", "b".repeat(64));
        page = new Traced<>("page:blog/post/index.html", fingerprints, Codec.unit(), () -> {
            var source = perform(new ReadFile(SitePath.of("content/blog/post.md")));
            perform(new FileExists(SitePath.of("layouts/blog/single.hbs")));
            perform(new FileExists(SitePath.of("layouts/_default/single.hbs")));
            perform(new ReadFile(SitePath.of("layouts/_default/single.hbs")));
            perform(new ReadFile(SitePath.of("layouts/partials/head.hbs")));
            perform(new WriteFile(OutputPath.of("blog/post/index.html"), Bytes.utf8("<main>" + source.asUtf8() + "</main>")));
            return Unit.UNIT;
        });
        var first = TraceHandler.reusing(TraceStore.empty(VERSION, "first build"), VERSION);
        HandlerStack.of(first, files).run(() -> perform(page));
        store = TraceStore.decode(first.store().encode(), VERSION);
    }

    @Benchmark
    public long verifyOnePageTrace() {
        var trace = TraceHandler.reusing(store, VERSION);
        HandlerStack.of(trace, files).run(() -> perform(page));
        return trace.skipped();
    }
}
