package dev.kiln.effects;

/**
 * A path inside the output folder, written with forward slashes ({@code blog/hello/index.html}).
 * It can never name anything outside the output: {@code ..}, absolute paths and backslashes are
 * refused, so no page, slug or template can make a build write elsewhere.
 *
 * @param value the path
 * @since 0.1
 */
public record OutputPath(String value) implements Comparable<OutputPath> {
    public OutputPath {
        RelativePaths.check(value, "output path");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("output path may not be empty");
        }
    }

    /** Answers the path for a string, refusing one that could leave the output folder. */
    public static OutputPath of(String value) {
        return new OutputPath(value);
    }

    /** Answers the last segment ({@code index.html}). */
    public String fileName() {
        return RelativePaths.fileName(value);
    }

    @Override
    public int compareTo(OutputPath other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    // Written out rather than left to the record: the record's own are bootstrapped through
    // method handles and run slowly until the JIT compiles them, which a short build feels on
    // every one of its tens of thousands of stamps and paths (bench/RESULTS.md, "Session 8").
    @Override
    public boolean equals(Object other) {
        return other instanceof OutputPath path && path.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
