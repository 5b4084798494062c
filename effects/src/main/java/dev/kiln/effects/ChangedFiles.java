package dev.kiln.effects;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Asks, from inside a {@link Traced} computation that runs again, which site files changed since
 * its last run, where a changed content is all that differs in what it read: its fingerprints,
 * the files it found (listings, existence checks) and the dates it waited for are all as its
 * trace recorded them. The outputs it wrote that are no longer as written (changed by someone
 * else, or gone) come with the answer: a computation that writes them again may go on. The
 * answer is empty where more changed, where the computation has no earlier trace, or where it
 * was made to run regardless. A whole build uses it to tell an edit of a few pages' words from
 * anything else.
 *
 * @since 0.1
 */
public record ChangedFiles() implements Effect<Optional<ChangedFiles.Changes>> {

    /**
     * What changed since a computation's last run.
     *
     * @param files the site files it read whose content changed
     * @param outputs the files it wrote that are no longer as it wrote them
     */
    public record Changes(Set<SitePath> files, Set<OutputPath> outputs) {
        public Changes {
            files = Set.copyOf(Objects.requireNonNull(files, "files"));
            outputs = Set.copyOf(Objects.requireNonNull(outputs, "outputs"));
        }
    }
}
