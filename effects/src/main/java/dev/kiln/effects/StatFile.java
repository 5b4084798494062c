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
}
