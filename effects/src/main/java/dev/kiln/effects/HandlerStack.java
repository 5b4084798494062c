package dev.kiln.effects;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An immutable sequence of handlers, read from the page code's side to the world's side. Running
 * code in a stack binds it for the dynamic extent of the call, so that {@link Effects#perform}
 * reaches its first handler.
 *
 * <pre>{@code
 * var stack = HandlerStack.of(metrics, markdown, templates, files);
 * var report = stack.run(() -> build.run());
 * }</pre>
 *
 * @since 0.1
 */
public final class HandlerStack {
    static final ScopedValue<Position> CURRENT = ScopedValue.newInstance();

    private final List<Handler> handlers;
    private final Position[] positions;

    private HandlerStack(List<Handler> handlers) {
        this.handlers = List.copyOf(handlers);
        this.positions = new Position[this.handlers.size() + 1];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = new Position(this, i);
        }
    }

    /** Answers a stack of {@code handlers}, the first nearest to the page code. */
    public static HandlerStack of(Handler... handlers) {
        return new HandlerStack(List.of(handlers));
    }

    /** Answers a stack of {@code handlers}, the first nearest to the page code. */
    public static HandlerStack of(List<Handler> handlers) {
        return new HandlerStack(handlers);
    }

    /** Answers a stack with {@code handler} in front of this stack's handlers. */
    public HandlerStack withFirst(Handler handler) {
        var all = new ArrayList<Handler>(handlers.size() + 1);
        all.add(handler);
        all.addAll(handlers);
        return new HandlerStack(all);
    }

    /** Answers the handlers, the first nearest to the page code. */
    public List<Handler> handlers() {
        return handlers;
    }

    /** Runs {@code program} with this stack bound and answers what it returns. */
    public <T> T run(Supplier<T> program) {
        return positions[0].call(program);
    }

    /** Runs {@code program} with this stack bound. */
    public void run(Runnable program) {
        positions[0].call(() -> {
            program.run();
            return Unit.UNIT;
        });
    }

    @Override
    public String toString() {
        return handlers.stream().map(h -> h.getClass().getSimpleName()).toList().toString();
    }

    /** A place in a stack: the handlers from {@code index} on. */
    static final class Position {
        private final HandlerStack stack;
        private final int index;
        /**
         * For each class of effect, the first place from this one whose handler handles it ({@link
         * Handler#handles}), or the end: an effect skips the handlers that would only forward it.
         */
        private final ClassValue<Position> firstHandling = new ClassValue<>() {
            @Override
            protected Position computeValue(Class<?> type) {
                int at = index;
                while (at < stack.handlers.size() && !stack.handlers.get(at).handles(type)) {
                    at++;
                }
                return stack.positions[at];
            }
        };

        Position(HandlerStack stack, int index) {
            this.stack = stack;
            this.index = index;
        }

        <T> T call(Supplier<T> program) {
            return ScopedValue.where(CURRENT, this).call(program::get);
        }

        <R> R dispatch(Effect<R> effect, Position origin) {
            int at = firstHandling.get(effect.getClass()).index;
            if (at == stack.handlers.size()) {
                throw new UnhandledEffectException(effect, stack.toString());
            }
            var handler = stack.handlers.get(at);
            var rest = stack.positions[at + 1];
            var next = new Next(rest, origin);
            return ScopedValue.where(CURRENT, rest).call(() -> handler.handle(effect, next));
        }
    }
}
