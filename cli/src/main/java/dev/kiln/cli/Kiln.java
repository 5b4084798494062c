package dev.kiln.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kiln} command: parses the command line and runs a subcommand.
 *
 * @since 0.1
 */
@Command(name = "kiln",
        mixinStandardHelpOptions = true,
        versionProvider = KilnVersion.class,
        description = "A static site generator whose build is an algebraic-effects runtime.",
        subcommands = {BuildCommand.class, ServeCommand.class, NewCommand.class, CleanCommand.class, TrainCommand.class,
                CommandLine.HelpCommand.class})
public final class Kiln implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs kiln and exits with its exit code: 0 done, 1 the build met problems, 2 bad usage. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Answers kiln's command line, ready to execute. */
    public static CommandLine commandLine() {
        return new CommandLine(new Kiln())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Kiln::reportFailure);
    }

    /**
     * Turns what a command throws into a message and an exit code, in one place: a command line that
     * cannot be carried out exits with 2, a site whose files are wrong with 1; anything else is a
     * bug and keeps its stack trace.
     */
    private static int reportFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parsed)
            throws Exception {
        var err = commandLine.getErr();
        return switch (failure) {
            case UsageException usage -> {
                err.println("error: " + usage.getMessage());
                yield 2;
            }
            case dev.kiln.site.SiteException site -> {
                err.println("error: " + site.getMessage());
                yield 1;
            }
            default -> throw failure;
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
