package dev.kiln.cli;

import dev.kiln.effects.Handler;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.SitePath;
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
import dev.kiln.site.LastBuild;
import dev.kiln.site.SiteBuild;
import dev.kiln.site.SiteConfig;
import dev.kiln.site.SiteException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
    /**
     * Whether builds keep the site in memory for early renders and leave the traces to
     * {@link #saveTraces} ({@code kiln serve}); else each build saves them ({@code kiln build}).
     */
    private final boolean keepsSite;
    /** kiln's identity in traces: it cannot change while this process runs, so it is taken once. */
    private final String version = KilnVersion.fingerprint();
    /** How many pages {@link #rehearseEarlyRenders} renders: enough for the JIT to compile the path. */
    private static final int REHEARSED_PAGES = 40;
    private TraceStore remembered;
    private TraceStoreFile storeFile;
    /** What the last build that ran and met no problem kept, with its folders; null when none. */
    private volatile Kept kept;

    /** What a build kept for early renders, and the folders it built from and into. */
    private record Kept(LastBuild last, SiteFolders folders) {
    }

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
     * Markdown and compiled templates in memory. {@code kiln build}'s ({@code forServe} false)
     * writes the traces to the build cache after each build, and builds an edit of pages' words
     * without the site; {@code kiln serve}'s keeps the site of each build instead, for early
     * renders, and writes the traces when {@link #saveTraces} is called.
     */
    SiteBuilder(Request request, BuildReport report, boolean forServe) {
        this.request = request;
        this.report = report;
        this.markdownCache = CacheHandler.untilAskedAgain();
        this.keepsSite = forServe;
    }

    /** Reads a site's {@code kiln.yaml} through a stack that can only read the site. */
    static SiteConfig loadConfig(Path siteRoot) {
        return loadConfig(readingOnly(siteRoot));
    }

    private static SiteConfig loadConfig(FileSystemHandler siteFiles) {
        return HandlerStack.of(siteFiles).run(SiteConfig::load);
    }

    /** Answers a file handler that can only read the site (its output is a folder nothing writes to). */
    private static FileSystemHandler readingOnly(Path siteRoot) {
        return FileSystemHandler.of(siteRoot, siteRoot.resolve(".kiln-nothing"));
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
        return build(false);
    }

    /**
     * Makes sure the builder keeps a {@link LastBuild}, for {@link #renderEdited}: where the last
     * build's whole trace held, so that it kept none, builds again running the whole build's
     * computation (every page's trace still saves its work). Answers the build, or nothing.
     */
    synchronized Optional<Outcome> keepLastBuild() {
        return kept != null ? Optional.empty() : Optional.of(build(true));
    }

    /**
     * Renders the pages of edited content files ahead of the next build, where the edits change
     * nothing any other output shows ({@link LastBuild#renderEdited}); answers the outputs written,
     * or nothing (then only the build that follows writes them). It does not wait for a build
     * that is running: it reads only what the last one kept, and the handlers it shares with
     * builds serve many threads.
     */
    Optional<List<OutputPath>> renderEdited(Set<Path> files) {
        var kept = this.kept;
        if (kept == null || request.dryRun() || files.isEmpty()) {
            return Optional.empty();
        }
        var siteRoot = kept.folders().site().toAbsolutePath().normalize();
        var content = siteRoot.resolve("content");
        var edited = new TreeSet<SitePath>();
        for (var file : files) {
            var path = file.toAbsolutePath().normalize();
            if (!path.startsWith(content) || !path.getFileName().toString().endsWith(".md")) {
                return Optional.empty();
            }
            edited.add(SitePath.of(siteRoot.relativize(path).toString().replace(java.io.File.separatorChar, '/')));
        }
        return earlyRenderStack(kept, markdownCache).run(() -> kept.last().renderEdited(edited));
    }

    /**
     * Rehearses early renders of a few pages into a dry run ({@link LastBuild#rehearse}), so that
     * the first edit in {@code kiln serve} shows as fast as later ones; answers how many pages it
     * rendered (none before a build has kept the site).
     */
    int rehearseEarlyRenders() {
        var kept = this.kept;
        if (kept == null) {
            return 0;
        }
        return earlyRenderStack(kept, CacheHandler.untilAskedAgain(), DryRunHandler.create())
                .run(() -> kept.last().rehearse(REHEARSED_PAGES)).size();
    }

    /**
     * The stack early renders run in: the build's Markdown, template and theme handlers (shared,
     * so what they compiled serves both) after {@code cache}, then {@code beforeFiles}, then the files of the
     * folders the last build used; no trace, no parallel handler.
     */
    private HandlerStack earlyRenderStack(Kept kept, CacheHandler cache, Handler... beforeFiles) {
        var handlers = new ArrayList<Handler>(List.of(new TerminalHandler(report.err(), false, request.verbose()), cache,
                markdown, templates, theme));
        handlers.addAll(List.of(beforeFiles));
        handlers.add(FileSystemHandler.of(kept.folders().site(), kept.folders().output()));
        return HandlerStack.of(handlers);
    }

    private Outcome build(boolean keepLastBuild) {
        long start = System.nanoTime();
        var siteRoot = SiteFolders.checkedSite(request.site());
        // The other core walks the site while this one reads the config and the cache.
        var siteFiles = readingOnly(siteRoot).listingAhead(SiteBuild.LISTED_FOLDERS);
        SiteConfig config;
        try {
            config = loadConfig(siteFiles);
        } catch (SiteException e) {
            kept = null;
            return new Outcome(BuildResult.failed(e.toProblem()), Map.of(), MetricsHandler.create(), null,
                    System.nanoTime() - start);
        }
        var folders = SiteFolders.of(siteRoot, request.output() != null ? request.output() : siteRoot.resolve(config.output()));
        var cacheFile = TraceStoreFile.in(siteRoot.resolve(config.cacheDir()));
        var metrics = MetricsHandler.create();
        var files = siteFiles.writingTo(folders.output());
        long loading = System.nanoTime();
        var previous = remembered != null && cacheFile.equals(storeFile) ? remembered : cacheFile.load(version);
        metrics.recordPhase("load cache", System.nanoTime() - loading);
        storeFile = cacheFile;
        if (!request.reuseTraces()) {
            previous = previous.withoutReuse("--no-cache was given");
        }
        var trace = keepLastBuild ? TraceHandler.rerunning(previous, version, "site", "kiln serve keeps the site in memory")
                : TraceHandler.reusing(previous, version);
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
            handlers.add(files);
            // What the last build in this process kept lets kiln serve hash again only the contexts
            // of edited pages; --no-cache takes nothing from it.
            var earlier = kept;
            var lastBuild = request.reuseTraces() && earlier != null && earlier.folders().equals(folders)
                    ? Optional.of(earlier.last()) : Optional.<LastBuild>empty();
            var stack = HandlerStack.of(handlers);
            result = keepsSite
                    ? stack.run(() -> SiteBuild.run(request.options(), lastBuild,
                            last -> kept = last.map(built -> new Kept(built, folders)).orElse(null)))
                    : stack.run(() -> SiteBuild.run(request.options()));
        }
        terminal.clearProgress();
        if (dryRun != null) {
            report.plan(dryRun.plan(), folders.output());
        } else {
            remembered = trace.store();
            // A build in which nothing ran (and no stamp was refreshed) leaves the store as it was.
            if (!keepsSite && trace.changedStore()) {
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
