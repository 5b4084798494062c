package dev.kiln.cli;

import java.util.Set;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code kiln build}: builds a site into its output folder, or prints the plan with {@code --dry-run}. */
final class BuildCommand implements Subcommand {
    private static final Usage USAGE = Usage.ofSite("build",
            "Builds the site in SITE (default: the current folder) into its output folder.",
            "Builds are incremental: a page whose inputs did not change since the last build is not built again.");

    @Override
    public Usage usage() {
        return USAGE;
    }

    @Override
    public Options options() {
        return SiteOptions.addTo(new Options()
                .addOption(Option.builder().longOpt("dry-run")
                        .desc("Print every file the build would write or delete, as new, changed, unchanged or delete;"
                                + " write nothing.").build())
                .addOption(Option.builder("o").longOpt("output").hasArg().argName("DIR")
                        .desc("The output folder (default: the config's output, public/).").build())
                .addOption(Option.builder().longOpt("no-cache")
                        .desc("Build every page, whatever the build cache says (it is still updated).").build())
                .addOption(Option.builder().longOpt("explain").desc("Print why each file was built again.").build())
                .addOption(Option.builder().longOpt("metrics")
                        .desc("Print how many effects of each kind the build performed and the time they took.").build())
                .addOption(Option.builder().longOpt("repeat").hasArg().argName("N")
                        .desc("Build N times in this JVM and report each (for benchmarks: the later builds are warm).")
                        .build()));
    }

    @Override
    public Set<String> hiddenOptions() {
        return Set.of("repeat");
    }

    @Override
    public int run(Arguments arguments) {
        boolean dryRun = arguments.flag("dry-run");
        int repeat = arguments.number("repeat", 1);
        var request = SiteOptions.of(arguments).request(arguments.path("output", null), dryRun, !arguments.flag("no-cache"));
        var report = new BuildReport(arguments.out(), arguments.err());
        var builder = new SiteBuilder(request, report, false);
        for (int run = 1; run < repeat; run++) {
            var earlier = builder.build();
            report.summary(earlier.result(), dryRun, earlier.output(), earlier.nanos());
        }
        var outcome = builder.build();
        if (arguments.flag("explain")) {
            report.explain(outcome.rebuilt(), outcome.result());
        }
        if (arguments.flag("metrics")) {
            report.metrics(outcome.metrics());
        }
        report.problems(outcome.result().problems());
        report.summary(outcome.result(), dryRun, outcome.output(), outcome.nanos());
        return outcome.result().succeeded() ? 0 : 1;
    }
}
