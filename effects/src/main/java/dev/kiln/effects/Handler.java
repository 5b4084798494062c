package dev.kiln.effects;

/**
 * Interprets effects: answers an effect itself or forwards it with {@link Next#forward}. While a
 * handler runs, the effects it performs itself go to the handlers after it in the stack, so a
 * caching handler can forward a miss and a template handler can read its files through the file
 * handler.
 *
 * <p>A handler is a function call: every effect resumes exactly once, with the answer returned.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Handler {

    /**
     * Answers {@code effect}, or returns {@code next.forward(effect)} to leave it to the handlers
     * after this one.
     *
     * @param effect the effect performed
     * @param next the rest of the stack
     * @param <R> the type of the answer
     * @return the answer
     */
    <R> R handle(Effect<R> effect, Next next);

    /**
     * Answers whether this handler may do anything with effects of class {@code type} other than
     * forward them as they are. Where it answers false, the stack hands such effects straight to
     * the handlers after it without calling {@link #handle}, which is what forwarding them would
     * do, minus the call: most effects pass most handlers of a stack. Asked once per class and
     * stack; the default, true, suits any handler.
     *
     * @param type the class of an effect performed
     * @return false only where {@link #handle} forwards every effect of {@code type} untouched
     */
    default boolean handles(Class<?> type) {
        return true;
    }
}
