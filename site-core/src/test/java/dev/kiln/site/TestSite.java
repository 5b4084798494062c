package dev.kiln.site;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Handler;
import dev.kiln.effects.HandlerStack;
import dev.kiln.handlers.BuiltInThemeHandler;
import dev.kiln.handlers.HandlebarsHandler;
import dev.kiln.handlers.MarkdownHandler;
import dev.kiln.handlers.MetricsHandler;
import dev.kiln.handlers.ParallelHandler;
import dev.kiln.handlers.TraceHandler;
import dev.kiln.handlers.TraceStore;
import dev.kiln.testing.FixedWorld;
import dev.kiln.testing.InMemoryFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A site in memory with the real Markdown, template, trace and theme handlers: no disk. The trace
 * store is kept as bytes between builds, as the CLI keeps it in a file (and a build that changed
 * few traces as a delta of those bytes, as the CLI writes it beside), so consecutive builds are
 * incremental.
 */
final class TestSite {
    static final String KILN_VERSION = "test";

    final InMemoryFiles files;
    private FixedWorld world = FixedWorld.standard();
    private final List<Handler> extra = new ArrayList<>();
    private final List<Handler> belowTraces = new ArrayList<>();
    private Supplier<ParallelHandler> parallel = ParallelHandler::sequential;
    private Bytes traces;
    private Bytes delta;
    private TraceHandler lastTrace;
    private MetricsHandler lastMetrics;
    private LastBuild lastBuild;
    private boolean reuseLastBuild;
    private boolean keepLastBuild;

    private TestSite(InMemoryFiles files) {
        this.files = files;
    }

    static TestSite of(Map<String, String> files) {
        return new TestSite(InMemoryFiles.of(files));
    }

    TestSite withParallel(Supplier<ParallelHandler> handler) {
        this.parallel = handler;
        return this;
    }

    /** Puts a handler in front of the standard ones. */
    TestSite withFirst(Handler handler) {
        extra.add(handler);
        return this;
    }

    /** Puts a handler just above the files: it sees what the trace handler reads to check traces. */
    TestSite withBelowTraces(Handler handler) {
        belowTraces.add(handler);
        return this;
    }

    /**
     * Makes the following builds keep what {@code kiln serve} keeps of a build ({@link #lastBuild}),
     * which the whole site is built for; by default they build as {@code kiln build} does.
     */
    TestSite keepingLastBuild() {
        keepLastBuild = true;
        return this;
    }

    /** Makes the following builds keep and take what the last one kept, as {@code kiln serve}'s do. */
    TestSite reusingLastBuild() {
        reuseLastBuild = true;
        keepLastBuild = true;
        return this;
    }

    /** Sets the clock of the following builds. */
    TestSite at(java.time.Instant now) {
        world = FixedWorld.at(now);
        return this;
    }

    /** Answers the warnings and other messages the last builds logged. */
    List<dev.kiln.effects.Log> messages() {
        return world.messages();
    }

    /** Forgets the traces: the next build is a full one. */
    TestSite forgetTraces() {
        traces = null;
        return this;
    }

    BuildResult build() {
        return build(BuildOptions.defaults());
    }

    BuildResult build(BuildOptions options) {
        var store = traces == null ? TraceStore.empty(KILN_VERSION, "first build")
                : TraceStore.decode(traces, delta, KILN_VERSION);
        lastTrace = TraceHandler.reusing(store, KILN_VERSION);
        lastMetrics = MetricsHandler.create();
        try (var forks = parallel.get()) {
            var handlers = new ArrayList<Handler>(extra);
            handlers.addAll(List.of(lastMetrics, MarkdownHandler.gitHubFlavoured(), HandlebarsHandler.create(),
                    lastTrace, forks, world, BuiltInThemeHandler.standard()));
            handlers.addAll(belowTraces);
            handlers.add(files);
            var previous = reuseLastBuild ? java.util.Optional.ofNullable(lastBuild) : java.util.Optional.<LastBuild>empty();
            var stack = HandlerStack.of(handlers);
            var result = keepLastBuild
                    ? stack.run(() -> SiteBuild.run(options, previous, kept -> lastBuild = kept.orElse(null)))
                    : stack.run(() -> SiteBuild.run(options));
            save(lastTrace);
            return result;
        }
    }

    /** Keeps the build's store as {@code TraceStoreFile} does: as a delta where it can be one, else whole. */
    private void save(TraceHandler trace) {
        if (!trace.changedStore()) {
            return;
        }
        var store = trace.store();
        if (traces != null && store.writableAsDelta()) {
            delta = store.encodeDelta();
        } else {
            traces = store.encode();
            delta = null;
        }
    }

    /** Answers whether the store is kept as a delta of its bytes now, for tests that must see one. */
    boolean keepsADelta() {
        return delta != null;
    }

    /** Answers what the last build that ran kept for early renders, or null (it met problems). */
    LastBuild lastBuild() {
        return lastBuild;
    }

    /**
     * Renders edited pages ahead of a build, as {@code kiln serve} does: with the last build's
     * {@link LastBuild} and no trace handler.
     */
    java.util.Optional<List<dev.kiln.effects.OutputPath>> renderEdited(String... paths) {
        var files = java.util.Arrays.stream(paths).map(dev.kiln.effects.SitePath::of).toList();
        return HandlerStack.of(List.of(MarkdownHandler.gitHubFlavoured(), HandlebarsHandler.create(), world,
                BuiltInThemeHandler.standard(), this.files)).run(() -> lastBuild.renderEdited(files));
    }

    /** Answers the trace handler of the last build: what ran and why. */
    TraceHandler lastTrace() {
        return lastTrace;
    }

    /** Answers the metrics of the last build. */
    MetricsHandler lastMetrics() {
        return lastMetrics;
    }

    String output(String path) {
        return files.outputText(path);
    }
}
