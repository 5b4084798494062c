package dev.kiln.effects;

/**
 * The one operation page code uses: {@link #perform} an effect and get its answer, in direct style.
 *
 * <pre>{@code
 * import static dev.kiln.effects.Effects.perform;
 *
 * Bytes page = perform(new ReadFile(SitePath.of("content/index.md")));
 * }</pre>
 *
 * @since 0.1
 */
public final class Effects {
    private Effects() {
    }

    /**
     * Performs {@code effect} through the handler stack bound to the calling code and answers its
     * answer. Inside a handler, the effect goes to the handlers after that handler.
     *
     * @throws IllegalStateException if no stack is bound (the code was not run through
     *     {@link HandlerStack#run})
     * @throws UnhandledEffectException if no handler of the stack answers the effect
     */
    public static <R> R perform(Effect<R> effect) {
        if (effect == null) {
            throw new NullPointerException("perform(null): an effect is required");
        }
        if (!HandlerStack.CURRENT.isBound()) {
            throw new IllegalStateException("perform(" + effect
                    + ") was called with no handler stack bound: run the code through HandlerStack.run(...)");
        }
        var position = HandlerStack.CURRENT.get();
        return position.dispatch(effect, position);
    }

    /** Answers whether code runs with a handler stack bound. */
    public static boolean isBound() {
        return HandlerStack.CURRENT.isBound();
    }
}
