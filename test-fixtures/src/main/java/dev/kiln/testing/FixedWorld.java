package dev.kiln.testing;

import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Log;
import dev.kiln.effects.Next;
import dev.kiln.effects.IsPast;
import dev.kiln.effects.ReadClock;
import dev.kiln.effects.ReportProgress;
import dev.kiln.effects.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Answers what a test wants fixed: the clock reads a given instant, log messages are kept for
 * assertions, progress reports are dropped.
 *
 * @since 0.1
 */
public final class FixedWorld implements Handler {
    private final Instant now;
    private final List<Log> messages = Collections.synchronizedList(new ArrayList<>());

    private FixedWorld(Instant now) {
        this.now = now;
    }

    /** Answers a world whose clock always reads {@code now}. */
    public static FixedWorld at(Instant now) {
        return new FixedWorld(now);
    }

    /** Answers a world whose clock reads 2026-01-01T00:00:00Z. */
    public static FixedWorld standard() {
        return at(Instant.parse("2026-01-01T00:00:00Z"));
    }

    /** Answers the log messages received so far. */
    public List<Log> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        return switch (effect) {
            case ReadClock clock -> (R) now;
            case IsPast past -> (R) Boolean.valueOf(!now.isBefore(past.moment()));
            case Log log -> {
                messages.add(log);
                yield (R) Unit.UNIT;
            }
            case ReportProgress progress -> (R) Unit.UNIT;
            default -> next.forward(effect);
        };
    }
}
