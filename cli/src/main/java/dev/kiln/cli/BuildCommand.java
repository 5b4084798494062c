package dev.kiln.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code kiln build}: builds a site into its output folder, or prints the plan with {@code --dry-run}. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = KilnVersion.class,
        description = {"Builds the site in SITE (default: the current folder) into its output folder.",
                "Builds are incremental: a page whose inputs did not change since the last build is not built again."})
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SiteOptions siteOptions;

    @Option(names = "--dry-run", description = "Print every file the build would write or delete, as new, changed, unchanged or delete; write nothing.")
    boolean dryRun;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "The output folder (default: the config's output, public/).")
    Path output;

    @Option(names = "--no-cache", description = "Build every page, whatever the build cache says (it is still updated).")
    boolean noCache;

    @Option(names = "--explain", description = "Print why each file was built again.")
    boolean explain;

    @Option(names = "--metrics", description = "Print how many effects of each kind the build performed and the time they took.")
    boolean metrics;

    @Option(names = "--repeat", hidden = true, paramLabel = "N",
            description = "Build N times in this JVM and report each (for benchmarks: the later builds are warm).")
    int repeat = 1;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var request = siteOptions.request(output, dryRun, !noCache);
        var report = new BuildReport(spec.commandLine().getOut(), err);
        var builder = new SiteBuilder(request, report, false);
        for (int run = 1; run < repeat; run++) {
            var earlier = builder.build();
            report.summary(earlier.result(), dryRun, earlier.output(), earlier.nanos());
        }
        var outcome = builder.build();
        if (explain) {
            report.explain(outcome.rebuilt(), outcome.result());
        }
        if (metrics) {
            report.metrics(outcome.metrics());
        }
        report.problems(outcome.result().problems());
        report.summary(outcome.result(), dryRun, outcome.output(), outcome.nanos());
        return outcome.result().succeeded() ? 0 : 1;
    }
}
