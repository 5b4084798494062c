package dev.kiln.testing;

import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Next;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records every effect that passes it, then forwards it unchanged: for tests that assert what page
 * code asked of the world. Safe to use from parallel forks.
 *
 * @since 0.1
 */
public final class RecordingHandler implements Handler {
    private final List<Effect<?>> effects = Collections.synchronizedList(new ArrayList<>());

    @Override
    public <R> R handle(Effect<R> effect, Next next) {
        effects.add(effect);
        return next.forward(effect);
    }

    /** Answers every effect recorded so far, in the order they arrived. */
    public List<Effect<?>> effects() {
        synchronized (effects) {
            return List.copyOf(effects);
        }
    }

    /** Answers the recorded effects of one kind. */
    public <E extends Effect<?>> List<E> effectsOf(Class<E> kind) {
        return effects().stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
