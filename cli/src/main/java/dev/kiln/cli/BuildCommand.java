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
import dev.kiln.site.BuildOptions;
import dev.kiln.site.BuildResult;
import dev.kiln.site.SiteBuild;
import dev.kiln.site.SiteConfig;
import dev.kiln.site.SiteException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln build}: builds a site into its output folder, or prints the plan with {@code --dry-run}. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = KilnVersion.class,
        description = "Builds the site in SITE (default: the current folder) into its output folder.")
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE", description = "The site folder (default: .).")
    Path site = Path.of(".");

    @Option(names = "--dry-run", description = "Print every file the build would write, as new, changed or unchanged; write nothing.")
    boolean dryRun;

    @Option(names = "--threads", paramLabel = "N", description = "How many pages to render at once (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "The output folder (default: the config's output, public/).")
    Path output;

    @Option(names = "--drafts", description = "Build pages marked draft: true.")
    boolean drafts;

    @Option(names = "--metrics", description = "Print how many effects of each kind the build performed and the time they took.")
    boolean metrics;

    @Option(names = {"-v", "--verbose"}, description = "Show debug messages.")
    boolean verbose;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (threads < 1) {
            err.println("error: --threads must be at least 1");
            return 2;
        }
        try {
            return build(out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private int build(PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        var siteRoot = SiteFolders.checkedSite(site);
        SiteConfig config;
        try {
            config = HandlerStack.of(FileSystemHandler.of(siteRoot, siteRoot.resolve(".kiln-nothing")))
                    .run(SiteConfig::load);
        } catch (SiteException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        var folders = SiteFolders.of(siteRoot, output != null ? output : siteRoot.resolve(config.output()));
        var terminal = new TerminalHandler(err, isTerminal(), verbose);
        var metricsHandler = MetricsHandler.create();
        var dryRunHandler = dryRun ? DryRunHandler.create() : null;
        BuildResult result;
        try (var parallel = ParallelHandler.pool(threads)) {
            var handlers = new ArrayList<Handler>();
            handlers.add(terminal);
            handlers.add(metricsHandler);
            handlers.add(SystemClockHandler.system());
            handlers.add(parallel);
            handlers.add(CacheHandler.inMemory());
            handlers.add(MarkdownHandler.gitHubFlavoured());
            handlers.add(HandlebarsHandler.create());
            handlers.add(BuiltInThemeHandler.standard());
            if (dryRunHandler != null) {
                handlers.add(dryRunHandler);
            }
            handlers.add(FileSystemHandler.of(folders.site(), folders.output()));
            var options = new BuildOptions(drafts);
            result = HandlerStack.of(handlers).run(() -> SiteBuild.run(options));
        }
        terminal.clearProgress();
        var report = new BuildReport(out, err);
        if (dryRunHandler != null) {
            report.plan(dryRunHandler.plan(), folders.output());
        }
        if (metrics) {
            report.metrics(metricsHandler.metrics());
        }
        report.problems(result.problems());
        report.summary(result, dryRun, folders.output(), System.nanoTime() - start);
        return result.succeeded() ? 0 : 1;
    }

    private static boolean isTerminal() {
        var console = System.console();
        return console != null && console.isTerminal();
    }
}
