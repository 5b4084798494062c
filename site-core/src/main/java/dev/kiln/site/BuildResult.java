package dev.kiln.site;

import dev.kiln.effects.OutputPath;
import java.util.List;

/**
 * What a build did: how many pages it rendered, the files it wrote, and every problem it met.
 *
 * @param pages how many pages (content, section and home pages) were rendered and written
 * @param written every output file written, sorted
 * @param problems every problem, sorted by file and line; empty when the build succeeded
 * @since 0.1
 */
public record BuildResult(int pages, List<OutputPath> written, List<BuildProblem> problems) {
    public BuildResult {
        written = List.copyOf(written);
        problems = List.copyOf(problems);
    }

    /** Answers whether the build met no problem. */
    public boolean succeeded() {
        return problems.isEmpty();
    }
}
