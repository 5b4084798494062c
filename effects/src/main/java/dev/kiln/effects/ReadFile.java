package dev.kiln.effects;

import java.util.Objects;

/**
 * Reads a file of the site source; answers its bytes, or fails if it does not exist.
 *
 * @param path the file, relative to the site folder
 * @since 0.1
 */
public record ReadFile(SitePath path) implements Effect<Bytes> {
    public ReadFile {
        Objects.requireNonNull(path, "path");
    }
}
