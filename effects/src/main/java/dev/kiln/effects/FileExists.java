package dev.kiln.effects;

import java.util.Objects;

/**
 * Asks whether a regular file of the site source exists.
 *
 * @param path the file, relative to the site folder
 * @since 0.1
 */
public record FileExists(SitePath path) implements Effect<Boolean> {
    public FileExists {
        Objects.requireNonNull(path, "path");
    }

    // Written out rather than left to the record: the record's own are bootstrapped through
    // method handles and run slowly until the JIT compiles them, which a short build feels on
    // every one of its tens of thousands of stamps and paths (bench/RESULTS.md, "Session 8").
    @Override
    public boolean equals(Object other) {
        return other instanceof FileExists that && that.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }
}
