package dev.kiln.site;

import dev.kiln.effects.OutputPath;
import java.util.List;

/**
 * What a build did: how many pages it rendered, the files it wrote, the files that were already up
 * to date, the stale files it removed, and every problem it met.
 *
 * @param pages how many pages (content, section and home pages) were rendered or found up to date
 * @param written every output file written, sorted
 * @param upToDate every output file whose trace held, so it was not written again, sorted
 * @param removed every output file of an earlier build that no page produces any more, sorted
 * @param problems every problem, sorted by file and line; empty when the build succeeded
 * @since 0.1
 */
public record BuildResult(int pages, List<OutputPath> written, List<OutputPath> upToDate, List<OutputPath> removed,
        List<BuildProblem> problems) {
    public BuildResult {
        written = List.copyOf(written);
        upToDate = List.copyOf(upToDate);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
    }

    /** Answers the result of a build that stopped at its first problem (an unreadable config). */
    public static BuildResult failed(BuildProblem problem) {
        return new BuildResult(0, List.of(), List.of(), List.of(), List.of(problem));
    }

    /** Answers whether the build met no problem. */
    public boolean succeeded() {
        return problems.isEmpty();
    }
}
