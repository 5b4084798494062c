package dev.kiln.site;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing that went wrong in a build, where a person should look.
 *
 * @param file the file at fault, relative to the site folder
 * @param line the 1-based line, or 0 where unknown
 * @param message what went wrong
 * @since 0.1
 */
public record BuildProblem(String file, int line, String message) implements Comparable<BuildProblem> {
    private static final Comparator<BuildProblem> ORDER = Comparator.comparing(BuildProblem::file)
            .thenComparingInt(BuildProblem::line).thenComparing(BuildProblem::message);

    public BuildProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(BuildProblem other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return (line > 0 ? file + ":" + line : file) + ": " + message;
    }
}
