package dev.kiln.site;

/**
 * A problem with the site's own files (bad YAML, a slug that would leave the output, a layout that
 * does not exist), naming the file and, where known, the line.
 *
 * @since 0.1
 */
public final class SiteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param file the file at fault, relative to the site folder
     * @param line the 1-based line, or 0 where unknown
     * @param problem what is wrong, for a person
     */
    public SiteException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    SiteException(String file, int line, String problem, Throwable cause) {
        super((line > 0 ? file + ":" + line : file) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** Answers the file at fault, relative to the site folder. */
    public String file() {
        return file;
    }

    /** Answers the 1-based line, or 0 where unknown. */
    public int line() {
        return line;
    }

    /** Answers what is wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** Answers the problem as a build report names it. */
    public BuildProblem toProblem() {
        return new BuildProblem(file, line, problem);
    }
}
