package dev.kiln.cli;

import dev.kiln.effects.Handler;
import dev.kiln.effects.HandlerStack;
import dev.kiln.handlers.BuiltInThemeHandler;
import dev.kiln.handlers.CacheHandler;
import dev.kiln.handlers.DryRunHandler;
import dev.kiln.handlers.FileSystemHandler;
import dev.kiln.handlers.HandlebarsHandler;
import dev.kiln.handlers.MarkdownHandler;
import dev.kiln.handlers.MetricsHandler;
import dev.kiln.handlers.ParallelHandler;
import dev.kiln.handlers.SystemClockHandler;
import dev.kiln.handlers.TraceHandler;
import dev.kiln.handlers.TraceStore;
import dev.kiln.handlers.TraceStoreFile;
import dev.kiln.site.BuildOptions;
import dev.kiln.site.BuildProblem;
import dev.kiln.site.BuildResult;
import dev.kiln.site.SiteBuild;
import dev.kiln.site.SiteConfig;
import dev.kiln.site.SiteException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one build of a site from the command line: reads the config, checks the folders, assembles
 * the production handler stack, builds, and keeps the traces for the next build.
 */
final class SiteBuilder {
    private final Request request;
    private final BuildReport report;
    private final CacheHandler markdownCache;
    private final MarkdownHandler markdown = MarkdownHandler.gitHubFlavoured();
    private final HandlebarsHandler templates = HandlebarsHandler.create();
    private final BuiltInThemeHandler theme = BuiltInThemeHandler.standard();
    private final boolean saveEachBuild;
    /** kiln's identity in traces: it cannot change while this process runs, so it is taken once. */
    private final String version = KilnVersion.fingerprint();
    private TraceStore remembered;
    private TraceStoreFile storeFile;

    /**
     * What to build and how.
     *
     * @param site the site folder as given
     * @param output the output folder as given, or null for the config's
     * @param options the build options
     * @param threads how many pages to render at once
     * @param dryRun whether to write nothing
     * @param reuseTraces whether the build cache may skip pages
     * @param verbose whether to show debug messages
     */
    record Request(Path site, Path output, BuildOptions options, int threads, boolean dryRun, boolean reuseTraces,
            boolean verbose) {
    }

    /**
     * What a build did.
     *
     * @param result the build's result
     * @param rebuilt why each traced computation ran
     * @param metrics the effects performed
     * @param output the output folder, or null where the config could not be read
     * @param nanos how long it took
     */
    record Outcome(BuildResult result, Map<String, List<String>> rebuilt, MetricsHandler metrics, Path output, long nanos) {
    }

    /**
     * A builder for one or more builds of a site. Between builds it keeps the traces, rendered
     * Markdown and compiled templates in memory; {@code saveEachBuild} also writes the traces to
     * the build cache after each build (else {@link #saveTraces} does, when asked).
     */
    SiteBuilder(Request request, BuildReport report, boolean saveEachBuild) {
        this.request = request;
        this.report = report;
        this.markdownCache = CacheHandler.untilAskedAgain();
        this.saveEachBuild = saveEachBuild;
    }

    /** Reads a site's {@code kiln.yaml} through a stack that can only read the site. */
    static SiteConfig loadConfig(Path siteRoot) {
        return HandlerStack.of(FileSystemHandler.of(siteRoot, siteRoot.resolve(".kiln-nothing"))).run(SiteConfig::load);
    }

    /** Answers the build cache's folder, once a build has found it. */
    synchronized Path cacheFolder() {
        return storeFile == null ? null : storeFile.folder();
    }

    /** Writes the traces of the last build to the build cache. */
    synchronized void saveTraces() throws IOException {
        if (remembered != null && storeFile != null) {
            storeFile.save(remembered);
        }
    }

    synchronized Outcome build() {
        long start = System.nanoTime();
        var siteRoot = SiteFolders.checkedSite(request.site());
        SiteConfig config;
        try {
            config = loadConfig(siteRoot);
        } catch (SiteException e) {
            return new Outcome(BuildResult.failed(e.toProblem()), Map.of(), MetricsHandler.create(), null,
                    System.nanoTime() - start);
        }
        var folders = SiteFolders.of(siteRoot, request.output() != null ? request.output() : siteRoot.resolve(config.output()));
        var cacheFile = TraceStoreFile.in(siteRoot.resolve(config.cacheDir()));
        var metrics = MetricsHandler.create();
        long loading = System.nanoTime();
        var previous = remembered != null && cacheFile.equals(storeFile) ? remembered : cacheFile.load(version);
        metrics.recordPhase("load cache", System.nanoTime() - loading);
        storeFile = cacheFile;
        if (!request.reuseTraces()) {
            previous = previous.withoutReuse("--no-cache was given");
        }
        var trace = TraceHandler.reusing(previous, version);
        var terminal = new TerminalHandler(report.err(), isTerminal(), request.verbose());
        var dryRun = request.dryRun() ? DryRunHandler.create() : null;
        BuildResult result;
        try (var parallel = ParallelHandler.pool(request.threads())) {
            // --no-cache means no cache at all: rendered Markdown is not reused either.
            var cache = request.reuseTraces() ? markdownCache : CacheHandler.untilAskedAgain();
            var handlers = new ArrayList<Handler>(List.of(metrics, terminal, cache, markdown, templates, trace,
                    parallel, SystemClockHandler.system(), theme));
            if (dryRun != null) {
                handlers.add(dryRun);
            }
            handlers.add(FileSystemHandler.of(folders.site(), folders.output()));
            result = HandlerStack.of(handlers).run(() -> SiteBuild.run(request.options()));
        }
        terminal.clearProgress();
        if (dryRun != null) {
            report.plan(dryRun.plan(), folders.output());
        } else {
            remembered = trace.store();
            // A build in which nothing ran leaves the store as it was: no need to write it again.
            if (saveEachBuild && !trace.rebuilt().isEmpty()) {
                long saving = System.nanoTime();
                result = saved(result);
                metrics.recordPhase("save cache", System.nanoTime() - saving);
            }
        }
        return new Outcome(result, trace.rebuilt(), metrics, folders.output(), System.nanoTime() - start);
    }

    private BuildResult saved(BuildResult result) {
        try {
            saveTraces();
            return result;
        } catch (IOException e) {
            var problems = new ArrayList<>(result.problems());
            problems.add(new BuildProblem(TraceStoreFile.NAME, 0, "cannot save the build cache: " + e.getMessage()));
            return new BuildResult(result.pages(), result.written(), result.upToDate(), result.removed(), problems);
        }
    }

    private static boolean isTerminal() {
        var console = System.console();
        return console != null && console.isTerminal();
    }
}
