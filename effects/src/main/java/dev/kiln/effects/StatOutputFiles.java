package dev.kiln.effects;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks for the stamps of many output files at once, each as {@link StatOutputFile} would answer
 * it, in the order of {@code paths}. A build that reads its cache checks every output of its last
 * run (14,000 for 10,000 pages) before the JIT has compiled much: one effect a few thousand files
 * passes the handler stack once instead of once a file.
 *
 * @param paths the files, relative to the output folder
 * @since 0.1
 */
public record StatOutputFiles(List<OutputPath> paths) implements Effect<List<Optional<FileStamp>>> {
    public StatOutputFiles {
        paths = List.copyOf(Objects.requireNonNull(paths, "paths"));
    }
}
