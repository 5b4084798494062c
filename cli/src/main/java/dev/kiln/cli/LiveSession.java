package dev.kiln.cli;

import dev.kiln.effects.OutputPath;
import dev.kiln.site.SiteBuild;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A running {@code kiln serve}: the first build, the HTTP server, and the watcher that rebuilds
 * incrementally (with traces, rendered Markdown and compiled templates kept in memory) and tells
 * open tabs to reload, or shows them what failed. A failed build leaves the server running.
 */
final class LiveSession implements AutoCloseable {
    private final SiteBuilder builder;
    private final BuildReport report;
    private final LiveReload reload = new LiveReload();
    private final AtomicInteger buildsDone = new AtomicInteger();
    /** Where incremental builds run, one at a time. */
    private final ExecutorService builds = Executors.newSingleThreadExecutor(
            runnable -> Thread.ofPlatform().daemon().name("kiln-build").unstarted(runnable));
    private final AtomicBoolean buildQueued = new AtomicBoolean();
    /** Outputs rendered early since the queued build was asked for. */
    private final Set<OutputPath> shownEarly = ConcurrentHashMap.newKeySet();
    /** How many bursts changed more than page bodies, and how many of them finished builds took in. */
    private final AtomicLong visibleChanges = new AtomicLong();
    private volatile long settledChanges;
    private volatile Path output;
    private volatile Path lastGoodOutput;
    private LiveServer server;
    private SiteWatcher watcher;

    private LiveSession(SiteBuilder builder, BuildReport report) {
        this.builder = builder;
        this.report = report;
    }

    /** Builds the site, then serves it on {@code host:port} (0: any free port) and watches it. */
    static LiveSession start(SiteBuilder.Request request, String host, int port, BuildReport report) throws IOException {
        var session = new LiveSession(new SiteBuilder(request, report, true), report);
        session.rebuild(written -> !written.isEmpty());
        var site = SiteFolders.checkedSite(request.site());
        session.server = LiveServer.start(host, port, () -> session.output, session.reload);
        // Until a build has read the config, the default output and cache folders are ignored.
        var ignored = new java.util.ArrayList<Path>(List.of(site.resolve("public"), site.resolve(".kiln")));
        if (session.lastGoodOutput != null) {
            ignored.add(session.lastGoodOutput);
        }
        if (session.builder.cacheFolder() != null) {
            ignored.add(session.builder.cacheFolder());
        }
        session.watcher = SiteWatcher.start(site, ignored, 25, session::changed);
        session.keepLastBuild();
        return session;
    }

    /**
     * Takes a burst of changes, on the watcher's thread. An edit of page bodies alone is rendered
     * first, from what the last build kept, and open tabs reload at once; then an incremental
     * build is queued, which checks the whole site and writes whatever else changed (the search
     * index), reloading again only where it wrote a page the early render did not. Builds run one
     * at a time on a thread of their own and a burst that comes while one is queued joins it, so
     * an edit shows at once even while the build of the one before is still running.
     */
    private void changed(SiteWatcher.Changes changes) {
        List<OutputPath> early = List.of();
        // While a change that other pages show is not built yet, what the last build kept is not
        // what the site is: nothing is rendered early until a build has caught up.
        if (changes.complete() && settledChanges == visibleChanges.get()) {
            try {
                long start = System.nanoTime();
                early = builder.renderEdited(changes.files()).orElse(List.of());
                if (!early.isEmpty()) {
                    shownEarly.addAll(early);
                    report.err().printf(Locale.ROOT, "updated %s in %.0f ms; checking the rest of the site%n",
                            early.stream().map(OutputPath::value).collect(Collectors.joining(", ")),
                            (System.nanoTime() - start) / 1e6);
                    report.err().flush();
                    reload.built(true);
                }
            } catch (RuntimeException e) {
                // The build that follows meets the same trouble and reports it.
                early = List.of();
            }
        }
        if (early.isEmpty()) {
            visibleChanges.incrementAndGet();
        }
        if (buildQueued.compareAndSet(false, true)) {
            builds.execute(() -> {
                buildQueued.set(false);
                // Read before the build reads a file: every change counted so far is in it.
                long covered = visibleChanges.get();
                var shown = Set.copyOf(shownEarly);
                shownEarly.removeAll(shown);
                rebuild(written -> written.stream().anyMatch(path -> !shown.contains(path) && !path.equals(SiteBuild.SEARCH_INDEX)));
                settledChanges = covered;
            });
        }
    }

    private void rebuild(Predicate<List<OutputPath>> worthReloading) {
        SiteBuilder.Outcome outcome;
        try {
            outcome = builder.build();
        } catch (RuntimeException e) {
            buildsDone.incrementAndGet();
            report.err().println("error: " + e.getMessage());
            report.err().flush();
            reload.failed(String.valueOf(e.getMessage()));
            return;
        }
        // Counted as done before open tabs hear of it: what they fetch then is this build's.
        buildsDone.incrementAndGet();
        output = outcome.output();
        if (output != null) {
            lastGoodOutput = output;
        }
        var result = outcome.result();
        report.problems(result.problems());
        report.summary(result, false, outcome.output(), outcome.nanos());
        if (result.succeeded()) {
            reload.built(worthReloading.test(result.written()) || !result.removed().isEmpty());
        } else {
            reload.failed(result.problems().stream().map(Object::toString).collect(Collectors.joining("\n")));
        }
    }

    /**
     * Keeps the site in memory for early renders, where the first build found everything up to
     * date and so kept nothing, and rehearses a few of them: in the background, so that serving
     * starts at once.
     */
    private void keepLastBuild() {
        builds.execute(() -> {
            try {
                builder.keepLastBuild().ifPresent(outcome -> {
                    if (!outcome.result().succeeded() || !outcome.result().written().isEmpty()) {
                        report.problems(outcome.result().problems());
                        report.summary(outcome.result(), false, outcome.output(), outcome.nanos());
                    }
                });
                builder.rehearseEarlyRenders();
            } catch (RuntimeException e) {
                // Early renders stay off, or the first ones are slower; every rebuild still works.
            }
        });
    }

    /** Answers the port the server listens on. */
    int port() {
        return server.port();
    }

    /** Answers how many builds have finished, the first included. */
    int builds() {
        return buildsDone.get();
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        if (server != null) {
            server.close();
        }
        builds.shutdownNow();
        try {
            builds.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        builder.saveTraces();
    }
}
