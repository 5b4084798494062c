package dev.kiln.effects;

import java.util.Objects;
import java.util.Optional;

/**
 * Asks for the stamp (size and modification time) of an output file; empty where it does not exist.
 *
 * @param path the file, relative to the output folder
 * @since 0.1
 */
public record StatOutputFile(OutputPath path) implements Effect<Optional<FileStamp>> {
    public StatOutputFile {
        Objects.requireNonNull(path, "path");
    }
}
