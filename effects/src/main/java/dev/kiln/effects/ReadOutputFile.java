package dev.kiln.effects;

import java.util.Objects;
import java.util.Optional;

/**
 * Reads a file of the output as a previous build left it; empty where there is none. Dry-run uses
 * it to tell new, changed and unchanged files apart.
 *
 * @param path the file, relative to the output folder
 * @since 0.1
 */
public record ReadOutputFile(OutputPath path) implements Effect<Optional<Bytes>> {
    public ReadOutputFile {
        Objects.requireNonNull(path, "path");
    }
}
