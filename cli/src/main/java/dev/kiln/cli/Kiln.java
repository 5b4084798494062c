package dev.kiln.cli;

import java.util.List;
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
        description = "A static site generator whose build is an algebraic-effects runtime.")
public final class Kiln implements Runnable {
    /**
     * The subcommands, in the order help lists them. picocli builds a command's model by reflection
     * over its annotations when the command is added, in an interpreted JVM: about 0.2 s for all of
     * them, a fifth of a no-op build. So a command line that names one adds that one alone.
     */
    private static final List<String> SUBCOMMANDS = List.of("build", "serve", "new", "clean", "train", "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs kiln and exits with its exit code: 0 done, 1 the build met problems, 2 bad usage. */
    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /**
     * Answers kiln's command line, ready to execute {@code args}: with the one subcommand they
     * name, or with all of them where they name none (help, a top-level option, a mistake), so
     * that help and errors list them all.
     */
    public static CommandLine commandLine(String... args) {
        var commandLine = new CommandLine(new Kiln());
        if (args.length > 0 && !args[0].equals("help") && SUBCOMMANDS.contains(args[0])) {
            commandLine.addSubcommand(subcommand(args[0]));
        } else {
            SUBCOMMANDS.forEach(name -> commandLine.addSubcommand(subcommand(name)));
        }
        // Set after the subcommands are added: picocli passes these settings to those it holds.
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Kiln::reportFailure);
    }

    /**
     * A switch, not a map of constructors: a lambda naming one of picocli's classes (compiled for
     * Java 5, which the JDK's AOT cache leaves out) crashes the JVM that writes the cache.
     */
    private static Object subcommand(String name) {
        return switch (name) {
            case "build" -> new BuildCommand();
            case "serve" -> new ServeCommand();
            case "new" -> new NewCommand();
            case "clean" -> new CleanCommand();
            case "train" -> new TrainCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
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
