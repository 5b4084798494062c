package dev.kiln.effects;

/**
 * Thrown when an effect reaches the end of its handler stack without an answer: the stack lacks a
 * handler for it.
 *
 * @since 0.1
 */
public final class UnhandledEffectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Effect<?> effect;

    UnhandledEffectException(Effect<?> effect, String stack) {
        super("no handler answered " + effect + " (handlers: " + stack + ")");
        this.effect = effect;
    }

    /** Answers the effect nobody answered. */
    public Effect<?> effect() {
        return effect;
    }
}
