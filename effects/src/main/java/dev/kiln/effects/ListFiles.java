package dev.kiln.effects;

import java.util.List;
import java.util.Objects;

/**
 * Lists every regular file below a folder of the site source, at any depth, sorted by path; a
 * folder that does not exist has no files.
 *
 * @param folder the folder, relative to the site folder ({@link SitePath#ROOT} for the site itself)
 * @since 0.1
 */
public record ListFiles(SitePath folder) implements Effect<List<SitePath>> {
    public ListFiles {
        Objects.requireNonNull(folder, "folder");
    }
}
