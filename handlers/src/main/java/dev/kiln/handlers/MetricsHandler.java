package dev.kiln.handlers;

import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Next;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import dev.kiln.effects.ReportProgress;
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
    private final ConcurrentMap<String, Long> phaseStarts = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> phaseNanos = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** Answers a handler with all counts at zero. */
    public static MetricsHandler create() {
        return new MetricsHandler();
    }

    @Override
    public <R> R handle(Effect<R> effect, Next next) {
        if (effect instanceof ReportProgress progress) {
            phase(progress);
        }
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

    /** A phase starts at its first progress report (none done) and ends when all are done. */
    private void phase(ReportProgress progress) {
        long now = System.nanoTime();
        if (progress.done() == 0) {
            phaseStarts.put(progress.phase(), now);
        }
        if (progress.done() == progress.total()) {
            var start = phaseStarts.remove(progress.phase());
            if (start != null) {
                phaseNanos.merge(progress.phase(), now - start, Long::sum);
            }
        }
    }

    /** Records a phase timed outside the stack (loading the build cache, say). */
    public void recordPhase(String phase, long nanos) {
        phaseNanos.merge(phase, nanos, Long::sum);
    }

    /** Answers the wall time of each phase the build reported, in the order the phases started. */
    public Map<String, Long> phases() {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseOrder()));
    }

    private Map<String, Long> phaseOrder() {
        var ordered = new java.util.LinkedHashMap<String, Long>();
        phaseNanos.entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(entry -> PHASES.indexOf(entry.getKey()) < 0
                        ? PHASES.size() : PHASES.indexOf(entry.getKey())))
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return ordered;
    }

    /** The phases of a build in their usual order; others follow. */
    private static final List<String> PHASES = List.of("load cache", "config", "discover", "build", "prune", "save cache");

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
