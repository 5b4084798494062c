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
}
