package dev.kiln.effects;

import java.util.function.Supplier;

/**
 * What a handler holds of the rest of the stack while it handles one effect: the way to forward
 * the effect (or another one) to the handlers after it, and the way to run work under the stack of
 * the code that performed the effect (what a parallel handler's forks need).
 *
 * @since 0.1
 */
public final class Next {
    private final HandlerStack.Position rest;
    private final HandlerStack.Position origin;

    Next(HandlerStack.Position rest, HandlerStack.Position origin) {
        this.rest = rest;
        this.origin = origin;
    }

    /** Leaves {@code effect} to the handlers after the current one and answers what they answer. */
    public <R> R forward(Effect<R> effect) {
        return rest.dispatch(effect, origin);
    }

    /**
     * Wraps {@code task} so that, run on any thread, it performs its effects through the whole
     * stack of the code that performed the current effect.
     */
    public <T> Supplier<T> inPerformersStack(Supplier<T> task) {
        return () -> origin.call(task);
    }
}
