package dev.kiln.handlers;

import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Next;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the effects that pass it and the time the rest of the stack took to answer them, per
 * kind of effect. Time is inclusive: a template render's time holds the reads it performed.
 *
 * @since 0.1
 */
public final class MetricsHandler implements Handler {
    private final ConcurrentMap<Class<?>, Tally> tallies = new ConcurrentHashMap<>();

    /** Answers a handler with all counts at zero. */
    public static MetricsHandler create() {
        return new MetricsHandler();
    }

    @Override
    public <R> R handle(Effect<R> effect, Next next) {
        var tally = tallies.computeIfAbsent(effect.getClass(), kind -> new Tally());
        long start = System.nanoTime();
        try {
            return next.forward(effect);
        } finally {
            tally.nanos.add(System.nanoTime() - start);
            tally.count.increment();
        }
    }

    /** Answers the count and total time of each kind of effect seen, most time first. */
    public List<EffectMetric> metrics() {
        return tallies.entrySet().stream()
                .map(entry -> new EffectMetric(entry.getKey().getSimpleName(),
                        entry.getValue().count.sum(), entry.getValue().nanos.sum()))
                .sorted(Comparator.comparingLong(EffectMetric::totalNanos).reversed()
                        .thenComparing(EffectMetric::kind))
                .toList();
    }

    /** Answers how many effects of {@code kind} passed. */
    public long count(Class<? extends Effect<?>> kind) {
        var tally = tallies.get(kind);
        return tally == null ? 0 : tally.count.sum();
    }

    private static final class Tally {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }

    /**
     * What one kind of effect cost.
     *
     * @param kind the effect's type name ({@code RenderMarkdown})
     * @param count how many were performed
     * @param totalNanos the time taken to answer them all, summed over threads
     */
    public record EffectMetric(String kind, long count, long totalNanos) {
    }
}
