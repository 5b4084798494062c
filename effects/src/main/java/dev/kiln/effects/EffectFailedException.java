package dev.kiln.effects;

import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by a handler when an effect fails: it names the effect and, where known, the source file
 * and line a person should look at (a template with a syntax error, a file that cannot be read).
 *
 * @since 0.1
 */
public final class EffectFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Effect<?> effect;
    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param effect the effect that failed
     * @param file the file at fault, or null where no file is
     * @param line the 1-based line in that file, or 0 where unknown
     * @param problem what went wrong, for a person
     * @param cause the underlying exception, or null
     */
    public EffectFailedException(Effect<?> effect, String file, int line, String problem, Throwable cause) {
        super(location(file, line) + problem, cause);
        this.effect = Objects.requireNonNull(effect, "effect");
        this.file = file;
        this.line = line;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** Answers a failure that has no file to point at. */
    public EffectFailedException(Effect<?> effect, String problem, Throwable cause) {
        this(effect, null, 0, problem, cause);
    }

    private static String location(String file, int line) {
        if (file == null) {
            return "";
        }
        return line > 0 ? file + ":" + line + ": " : file + ": ";
    }

    /** Answers the effect that failed. */
    public Effect<?> effect() {
        return effect;
    }

    /** Answers the file at fault, where there is one. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** Answers the 1-based line in {@link #file()}, or 0 where unknown. */
    public int line() {
        return line;
    }

    /** Answers what went wrong, without the location. */
    public String problem() {
        return problem;
    }
}
