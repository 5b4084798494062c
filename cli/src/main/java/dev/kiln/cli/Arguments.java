package dev.kiln.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/**
 * A subcommand's command line once parsed, with where it prints: answers its parameters and
 * option values, refusing with a {@link UsageException} what it cannot use.
 */
record Arguments(CommandLine line, PrintWriter out, PrintWriter err) {

    /** Answers the parameters, refusing more than {@code most}. */
    List<String> parameters(int most) {
        var parameters = line.getArgList();
        if (parameters.size() > most) {
            throw new UsageException("unexpected argument '" + parameters.get(most) + "'");
        }
        return parameters;
    }

    /** Answers the parameter at {@code index} as a path, or {@code otherwise} where there is none. */
    Path path(int index, Path otherwise) {
        var parameters = line.getArgList();
        return index < parameters.size() ? path(parameters.get(index)) : otherwise;
    }

    /** Answers the parameter at {@code index}, refusing a command line without it. */
    String required(int index, String label) {
        var parameters = line.getArgList();
        if (index >= parameters.size()) {
            throw new UsageException("missing " + label);
        }
        return parameters.get(index);
    }

    /** Answers the one parameter, a path, refusing a command line without it or with more. */
    Path onlyPath(String label) {
        parameters(1);
        return path(required(0, label));
    }

    /** Answers whether the option was given. */
    boolean flag(String option) {
        return line.hasOption(option);
    }

    /** Answers the option's value, or {@code otherwise} where it was not given. */
    String text(String option, String otherwise) {
        return line.getOptionValue(option, otherwise);
    }

    /** Answers the option's value as a path, or {@code otherwise} where it was not given. */
    Path path(String option, Path otherwise) {
        var value = line.getOptionValue(option);
        return value == null ? otherwise : path(value);
    }

    /** Answers the option's value as a whole number, or {@code otherwise} where it was not given. */
    int number(String option, int otherwise) {
        var value = line.getOptionValue(option);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + " takes a whole number, not '" + value + "'");
        }
    }

    static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("'" + value + "' is no path: " + e.getReason());
        }
    }
}
