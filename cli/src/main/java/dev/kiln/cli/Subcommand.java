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
    /** Its name as typed after {@code kiln}: {@code build}, or {@code new site} for a nested one. */
    String name();

    /** What follows the name in its usage line, such as {@code [SITE]}. */
    String parameters();

    /** Its parameters and what each is, for help. */
    default List<String> parameterHelp() {
        return List.of();
    }

    /** What it does, a line each; the first also stands for it in kiln's list of subcommands. */
    List<String> description();

    /** The options it reads, besides {@code --help} and {@code --version}. */
    Options options();

    /** The options it reads that help leaves out (for benchmarks and the launcher). */
    default Set<String> hiddenOptions() {
        return Set.of();
    }

    /** Whether kiln's list of subcommands leaves it out. */
    default boolean hidden() {
        return false;
    }

    /**
     * Does the work; answers the exit code. Throws {@link UsageException} for a command line
     * that cannot be carried out, a {@link dev.kiln.site.SiteException} for a site whose files are
     * wrong.
     */
    int run(Arguments arguments) throws IOException, InterruptedException;
}
