package dev.kiln.effects;

import java.util.Objects;

/**
 * Removes a file of the output that a previous build wrote and this one no longer produces (the
 * page was deleted or renamed); folders it leaves empty go too. A file already gone is no error.
 *
 * @param path the file, relative to the output folder
 * @since 0.1
 */
public record DeleteOutputFile(OutputPath path) implements Effect<Unit> {
    public DeleteOutputFile {
        Objects.requireNonNull(path, "path");
    }
}
