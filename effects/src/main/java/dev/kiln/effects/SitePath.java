package dev.kiln.effects;

/**
 * A path inside the site folder, written with forward slashes ({@code content/blog/hello.md}). It
 * can never name anything outside the site: {@code ..}, absolute paths and backslashes are refused.
 *
 * @param value the path; empty for the site folder itself
 * @since 0.1
 */
public record SitePath(String value) implements Comparable<SitePath> {
    /** The site folder itself. */
    public static final SitePath ROOT = new SitePath("");

    public SitePath {
        RelativePaths.check(value, "site path");
    }

    /** Answers the path for a string, refusing one that could leave the site folder. */
    public static SitePath of(String value) {
        return new SitePath(value);
    }

    /** Answers the path of {@code relative} inside this folder. */
    public SitePath resolve(String relative) {
        return new SitePath(RelativePaths.resolve(value, relative));
    }

    /** Answers the last segment ({@code hello.md}). */
    public String fileName() {
        return RelativePaths.fileName(value);
    }

    /** Answers the folder holding this path; the root's parent is the root. */
    public SitePath parent() {
        return new SitePath(RelativePaths.parent(value));
    }

    /** Answers whether this path lies inside {@code folder} (at any depth). */
    public boolean isInside(SitePath folder) {
        return folder.value.isEmpty() || value.startsWith(folder.value + "/");
    }

    /** Answers this path relative to a folder it lies inside. */
    public String relativeTo(SitePath folder) {
        if (!isInside(folder)) {
            throw new IllegalArgumentException(value + " is not inside " + folder.value);
        }
        return folder.value.isEmpty() ? value : value.substring(folder.value.length() + 1);
    }

    @Override
    public int compareTo(SitePath other) {
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
        return other instanceof SitePath path && path.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
