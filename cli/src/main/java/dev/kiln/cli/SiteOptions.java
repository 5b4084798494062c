package dev.kiln.cli;

import dev.kiln.site.BuildOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that builds a site takes: which site, drafts, future pages,
 * link strictness, threads, verbosity. */
final class SiteOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE", description = "The site folder (default: .).")
    Path site = Path.of(".");

    @Option(names = "--drafts", description = "Build pages marked draft: true.")
    boolean drafts;

    @Option(names = "--future", description = "Build pages dated in the future.")
    boolean future;

    @Option(names = "--no-strict-links", negatable = false,
            description = "Report links to missing pages or anchors as warnings instead of failing the build.")
    boolean lenientLinks;

    @Option(names = "--threads", paramLabel = "N", description = "How many pages to render at once (default: one per core).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-v", "--verbose"}, description = "Show debug messages.")
    boolean verbose;

    /** Answers the build these options ask for; refuses a thread count below one. */
    SiteBuilder.Request request(Path output, boolean dryRun, boolean reuseTraces) {
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        return new SiteBuilder.Request(site, output, new BuildOptions(drafts, future, !lenientLinks), threads, dryRun, reuseTraces, verbose);
    }
}
