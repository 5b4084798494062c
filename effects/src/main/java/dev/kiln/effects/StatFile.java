package dev.kiln.effects;

import java.util.Objects;
import java.util.Optional;

/**
 * Asks for the stamp (size and modification time) of a site file; empty where it does not exist.
 *
 * @param path the file, relative to the site folder
 * @since 0.1
 */
public record StatFile(SitePath path) implements Effect<Optional<FileStamp>> {
    public StatFile {
        Objects.requireNonNull(path, "path");
    }

    // Written out rather than left to the record: the record's own are bootstrapped through
    // method handles and run slowly until the JIT compiles them, which a short build feels on
    // every one of its tens of thousands of stamps and paths (bench/RESULTS.md, "Session 8").
    @Override
    public boolean equals(Object other) {
        return other instanceof StatFile that && that.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }
}
