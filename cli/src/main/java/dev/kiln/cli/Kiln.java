package dev.kiln.cli;

import dev.kiln.site.SiteException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The {@code kiln} command: finds the subcommand a command line names, parses the rest against
 * its options (with Apache Commons CLI) and runs it.
 *
 * <p>Commons CLI rather than an annotation-driven parser: its few classes load from the JDK's AOT
 * cache and read a command line in milliseconds, where picocli took 0.2-0.3 s of every run's start
 * (its Java 5 classes stay out of the AOT cache, and it reads its annotations by reflection in a
 * JVM that has compiled nothing yet): {@code kiln --version} took 0.5 s, a no-op build 1 s.
 *
 * @since 0.1
 */
public final class Kiln {
    private static final String DESCRIPTION = "A static site generator whose build is an algebraic-effects runtime.";
    private static final int WIDTH = 100;
    private static final String HELP = "Show this help message and exit.";
    private static final String VERSION = "Print version information and exit.";

    private Kiln() {
    }

    /** Runs kiln and exits with its exit code: 0 done, 1 the build met problems, 2 bad usage. */
    public static void main(String[] args) {
        var out = new PrintWriter(new OutputStreamWriter(System.out, System.out.charset()), true);
        var err = new PrintWriter(new OutputStreamWriter(System.err, System.err.charset()), true);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the command line {@code args}, printing to {@code out} and {@code err}; answers the
     * exit code. A command line that cannot be carried out exits with 2, a site whose files are
     * wrong with 1; anything else is a bug and keeps its stack trace.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return dispatch(Arrays.asList(args), out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (SiteException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The subcommands, in the order help lists them. Each is made only when named: making one
     * costs nothing, and its options are built when it runs.
     */
    private static List<Subcommand> subcommands() {
        return List.of(new BuildCommand(), new ServeCommand(), new NewCommand.Site(), new NewCommand.Page(),
                new CleanCommand(), new TrainCommand());
    }

    private static int dispatch(List<String> args, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        if (args.isEmpty() || isHelp(args.get(0))) {
            printHelp(out);
            return 0;
        }
        var first = args.get(0);
        if (isVersion(first)) {
            printVersion(out);
            return 0;
        }
        if (first.equals("help")) {
            return help(args.subList(1, args.size()), out);
        }
        if (first.startsWith("-")) {
            throw new UsageException("unknown option '" + first + "' (kiln --help lists what kiln takes)");
        }
        var named = named(args);
        if (named.isPresent()) {
            var command = named.get();
            int words = command.usage().name().split(" ").length;
            return run(command, args.subList(words, args.size()), out, err);
        }
        if (isGroup(first) && (args.size() == 1 || isHelp(args.get(1)))) {
            printGroupHelp(first, out);
            return 0;
        }
        throw new UsageException(isGroup(first)
                ? "unknown command '" + first + " " + args.get(1) + "' (kiln " + first + " --help lists its commands)"
                : "unknown command '" + first + "' (kiln --help lists the commands)");
    }

    /** Answers the subcommand the command line starts with: one word, or two for a nested one. */
    private static Optional<Subcommand> named(List<String> args) {
        var two = args.size() > 1 ? args.get(0) + " " + args.get(1) : null;
        return subcommands().stream().filter(command -> command.usage().name().equals(args.get(0)) || command.usage().name().equals(two))
                .findFirst();
    }

    /** Answers whether {@code word} names a group of subcommands ({@code new}). */
    private static boolean isGroup(String word) {
        return subcommands().stream().anyMatch(command -> command.usage().name().startsWith(word + " "));
    }

    private static int help(List<String> words, PrintWriter out) {
        if (words.isEmpty()) {
            printHelp(out);
            return 0;
        }
        var named = named(words);
        if (named.isPresent()) {
            printHelp(named.get(), out);
            return 0;
        }
        if (isGroup(words.get(0))) {
            printGroupHelp(words.get(0), out);
            return 0;
        }
        throw new UsageException("unknown command '" + words.get(0) + "' (kiln --help lists the commands)");
    }

    private static int run(Subcommand command, List<String> args, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        var options = withHelpAndVersion(command.options());
        CommandLine line;
        try {
            line = DefaultParser.builder().setAllowPartialMatching(false).build().parse(options, args.toArray(String[]::new));
        } catch (ParseException e) {
            throw new UsageException(e.getMessage() + " (kiln " + command.usage().name() + " --help lists what it takes)");
        }
        if (line.hasOption("help")) {
            printHelp(command, out);
            return 0;
        }
        if (line.hasOption("version")) {
            printVersion(out);
            return 0;
        }
        return command.run(new Arguments(line, out, err));
    }

    /** Adds {@code -h/--help} and {@code -V/--version}, which every subcommand takes; answers {@code options}. */
    private static Options withHelpAndVersion(Options options) {
        return options.addOption(Option.builder("h").longOpt("help").desc(HELP).build())
                .addOption(Option.builder("V").longOpt("version").desc(VERSION).build());
    }

    private static boolean isHelp(String word) {
        return word.equals("-h") || word.equals("--help");
    }

    private static boolean isVersion(String word) {
        return word.equals("-V") || word.equals("--version");
    }

    private static void printVersion(PrintWriter out) {
        out.println("kiln " + KilnVersion.version());
        out.println("Java " + Runtime.version());
    }

    private static void printHelp(PrintWriter out) {
        out.println("Usage: kiln [-hV] COMMAND");
        out.println(DESCRIPTION);
        out.printf("  %-15s %s%n", "-h, --help", HELP);
        out.printf("  %-15s %s%n", "-V, --version", VERSION);
        out.println("Commands:");
        var groups = new ArrayList<String>();
        for (var command : subcommands()) {
            if (command.usage().hidden()) {
                continue;
            }
            var word = command.usage().name().split(" ")[0];
            if (command.usage().name().contains(" ")) {
                if (!groups.contains(word)) {
                    groups.add(word);
                    out.printf("  %-15s %s%n", word, NewCommand.DESCRIPTION);
                }
            } else {
                out.printf("  %-15s %s%n", word, command.usage().description().get(0));
            }
        }
        out.printf("  %-15s %s%n", "help", "Show the help of a command: kiln help build.");
    }

    private static void printGroupHelp(String group, PrintWriter out) {
        out.println("Usage: kiln " + group + " COMMAND");
        out.println(NewCommand.DESCRIPTION);
        out.println("Commands:");
        for (var command : subcommands()) {
            if (command.usage().name().startsWith(group + " ")) {
                out.printf("  %-15s %s%n", command.usage().name().substring(group.length() + 1), command.usage().description().get(0));
            }
        }
    }

    /** Prints a subcommand's help: its usage line, what it does, its parameters and options. */
    static void printHelp(Subcommand command, PrintWriter out) {
        out.println("Usage: kiln " + command.usage().name() + " [OPTIONS]" + (command.usage().parameters().isEmpty() ? "" : " " + command.usage().parameters()));
        command.usage().description().forEach(out::println);
        command.usage().parameterHelp().forEach(line -> out.println("  " + line));
        var shown = new Options();
        command.options().getOptions().stream().filter(option -> !command.hiddenOptions().contains(option.getLongOpt()))
                .forEach(shown::addOption);
        withHelpAndVersion(shown);
        out.println("Options:");
        var formatter = new HelpFormatter();
        formatter.setOptionComparator(null);
        formatter.printOptions(out, WIDTH, shown, 2, 3);
    }
}
