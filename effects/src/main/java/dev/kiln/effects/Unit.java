package dev.kiln.effects;

/**
 * The answer of an effect that answers nothing but "done".
 *
 * @since 0.1
 */
public enum Unit {
    /** The only value. */
    UNIT
}
