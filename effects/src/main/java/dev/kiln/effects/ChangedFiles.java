package dev.kiln.effects;

import java.util.Optional;
import java.util.Set;

/**
 * Asks, from inside a {@link Traced} computation that runs again, which site files changed since
 * its last run, where a changed content is all that differs: its fingerprints, the files it found
 * (listings, existence checks), the dates it waited for and the files it wrote are all as its
 * trace recorded them. The answer is empty where that is not so, where the computation has no
 * earlier trace, or where it was made to run regardless. A whole build uses it to tell an edit
 * of a few pages' words from anything else.
 *
 * @since 0.1
 */
public record ChangedFiles() implements Effect<Optional<Set<SitePath>>> {
}
