package dev.kiln.cli;

import dev.kiln.site.BuildOptions;
import java.nio.file.Path;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The options every command that builds a site takes: which site, drafts, future pages, link
 * strictness, threads, verbosity.
 *
 * @param site the site folder
 * @param threads how many pages to render at once
 */
record SiteOptions(Path site, boolean drafts, boolean future, boolean lenientLinks, int threads, boolean verbose) {
    /** Adds these options to {@code options}; answers them. */
    static Options addTo(Options options) {
        return options
                .addOption(Option.builder().longOpt("drafts").desc("Build pages marked draft: true.").build())
                .addOption(Option.builder().longOpt("future").desc("Build pages dated in the future.").build())
                .addOption(Option.builder().longOpt("no-strict-links")
                        .desc("Report links to missing pages or anchors as warnings instead of failing the build.").build())
                .addOption(Option.builder().longOpt("threads").hasArg().argName("N")
                        .desc("How many pages to render at once (default: one per core).").build())
                .addOption(Option.builder("v").longOpt("verbose").desc("Show debug messages.").build());
    }

    /** Answers the options a command line gave, taking its one parameter for the site folder. */
    static SiteOptions of(Arguments arguments) {
        arguments.parameters(1);
        return new SiteOptions(arguments.path(0, Path.of(".")), arguments.flag("drafts"), arguments.flag("future"),
                arguments.flag("no-strict-links"), arguments.number("threads", Runtime.getRuntime().availableProcessors()),
                arguments.flag("verbose"));
    }

    /** Answers the build these options ask for; refuses a thread count below one. */
    SiteBuilder.Request request(Path output, boolean dryRun, boolean reuseTraces) {
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        return new SiteBuilder.Request(site, output, new BuildOptions(drafts, future, !lenientLinks), threads, dryRun, reuseTraces, verbose);
    }
}
