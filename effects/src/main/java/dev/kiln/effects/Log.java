package dev.kiln.effects;

import java.util.Objects;

/**
 * A message for the person running the build.
 *
 * @param level how much it matters
 * @param message the text
 * @since 0.1
 */
public record Log(Level level, String message) implements Effect<Unit> {
    public Log {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    /** How much a log message matters. */
    public enum Level { DEBUG, INFO, WARN, ERROR }
}
