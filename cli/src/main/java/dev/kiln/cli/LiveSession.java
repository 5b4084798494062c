package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger builds = new AtomicInteger();
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
        var session = new LiveSession(new SiteBuilder(request, report, false), report);
        session.rebuild();
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
        session.watcher = SiteWatcher.start(site, ignored, 25, session::rebuild);
        return session;
    }

    private void rebuild() {
        try {
            var outcome = builder.build();
            output = outcome.output();
            if (output != null) {
                lastGoodOutput = output;
            }
            var result = outcome.result();
            report.problems(result.problems());
            report.summary(result, false, outcome.output(), outcome.nanos());
            if (result.succeeded()) {
                reload.built(!result.written().isEmpty() || !result.removed().isEmpty());
            } else {
                reload.failed(result.problems().stream().map(Object::toString).collect(Collectors.joining("\n")));
            }
        } catch (RuntimeException e) {
            report.err().println("error: " + e.getMessage());
            report.err().flush();
            reload.failed(String.valueOf(e.getMessage()));
        } finally {
            builds.incrementAndGet();
        }
    }

    /** Answers the port the server listens on. */
    int port() {
        return server.port();
    }

    /** Answers how many builds have finished, the first included. */
    int builds() {
        return builds.get();
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        if (server != null) {
            server.close();
        }
        builder.saveTraces();
    }
}
