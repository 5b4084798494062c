package dev.kiln.handlers;

import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Next;
import dev.kiln.effects.IsPast;
import dev.kiln.effects.ReadClock;
import java.time.Clock;

/**
 * Answers {@link ReadClock} from a real clock (the system's, unless told otherwise).
 *
 * @since 0.1
 */
public final class SystemClockHandler implements Handler {
    private final Clock clock;

    private SystemClockHandler(Clock clock) {
        this.clock = clock;
    }

    /** Answers a handler reading the system clock. */
    public static SystemClockHandler system() {
        return new SystemClockHandler(Clock.systemUTC());
    }

    /** Answers true only for the effects this handler answers; it forwards every other one untouched. */
    @Override
    public boolean handles(Class<?> type) {
        return ReadClock.class.isAssignableFrom(type) || IsPast.class.isAssignableFrom(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        return switch (effect) {
            case ReadClock read -> (R) clock.instant();
            case IsPast past -> (R) Boolean.valueOf(!clock.instant().isBefore(past.moment()));
            default -> next.forward(effect);
        };
    }
}
