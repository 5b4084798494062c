package dev.kiln.effects;

import java.util.Objects;

/**
 * Writes a file of the output, replacing any file already there; handlers write it whole or not
 * at all.
 *
 * @param path the file, relative to the output folder
 * @param content what the file holds
 * @since 0.1
 */
public record WriteFile(OutputPath path, Bytes content) implements Effect<Unit> {
    public WriteFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
