package dev.kiln.effects;

import java.util.Objects;

/**
 * Copies a file of the site source to the output as it is (static files, images).
 *
 * @param source the file, relative to the site folder
 * @param target the copy, relative to the output folder
 * @since 0.1
 */
public record CopyFile(SitePath source, OutputPath target) implements Effect<Unit> {
    public CopyFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
