package dev.kiln.effects;

import java.util.List;
import java.util.Set;

/**
 * Removes the output files that earlier builds wrote and this build no longer produces; answers
 * the files removed, sorted. Only files a build is known to have written are removed, never files
 * someone else put in the output folder.
 *
 * @param produced every output this build produced or meant to produce
 * @since 0.1
 */
public record PruneOutputs(Set<OutputPath> produced) implements Effect<List<OutputPath>> {
    public PruneOutputs {
        produced = Set.copyOf(produced);
    }

    @Override
    public String toString() {
        return "PruneOutputs[" + produced.size() + " produced]";
    }
}
