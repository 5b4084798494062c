package dev.kiln.cli;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.Options;

/**
 * One of kiln's subcommands: what its help says of it, the options it reads, and what it does with
 * a command line parsed against them.
 */
interface Subcommand {
    /**
     * What help says of a subcommand.
     *
     * @param name its name as typed after {@code kiln}: {@code build}, or {@code new site} for a nested one
     * @param parameters what follows the name in its usage line, such as {@code [SITE]}
     * @param parameterHelp its parameters and what each is, a line each
     * @param description what it does, a line each; the first also stands for it in kiln's list
     * @param hidden whether kiln's list of subcommands leaves it out
     */
    record Usage(String name, String parameters, List<String> parameterHelp, List<String> description, boolean hidden) {
        /** Answers the usage of a subcommand that takes one parameter and does what {@code description} says. */
        static Usage of(String name, String parameter, String parameterHelp, String... description) {
            return new Usage(name, parameter, List.of(String.format("%-22s %s", parameter.replaceAll("[\\[\\]]", ""),
                    parameterHelp)), List.of(description), false);
        }

        /** Answers the usage of a subcommand that builds or cleans the site in SITE. */
        static Usage ofSite(String name, String... description) {
            return of(name, "[SITE]", "The site folder (default: .).", description);
        }

        /** Answers this usage, left out of kiln's list of subcommands. */
        Usage hiddenFromHelp() {
            return new Usage(name, parameters, parameterHelp, description, true);
        }
    }

    /** Answers what help says of it. */
    Usage usage();

    /** The options it reads, besides {@code --help} and {@code --version}: none unless it says so. */
    default Options options() {
        return new Options();
    }

    /** The options it reads that help leaves out (for benchmarks and the launcher). */
    default Set<String> hiddenOptions() {
        return Set.of();
    }

    /**
     * Does the work; answers the exit code. Throws {@link UsageException} for a command line
     * that cannot be carried out, a {@link dev.kiln.site.SiteException} for a site whose files are
     * wrong.
     */
    int run(Arguments arguments) throws IOException, InterruptedException;
}
