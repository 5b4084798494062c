package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Next;
import dev.kiln.effects.PureEffect;
import dev.kiln.effects.RenderMarkdown;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers pure effects from memory, keyed by a hash of their content. A miss is forwarded and its
 * answer kept: {@link #inMemory()} keeps every answer, so the same Markdown is rendered once
 * however many builds (in one process) or pages ask for it; {@link #untilAskedAgain()} hands an
 * answer over the first time it is asked for again and forgets it, which is what a build needs
 * (each page's Markdown is asked for twice: when its file is parsed, for its headings and links,
 * and when it is rendered) without holding every page's HTML until the build ends.
 *
 * @since 0.1
 */
public final class CacheHandler implements Handler {
    private final ConcurrentMap<String, Object> answers = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final boolean forgetOnHit;

    private CacheHandler(boolean forgetOnHit) {
        this.forgetOnHit = forgetOnHit;
    }

    /** Answers an empty cache that keeps every answer. */
    public static CacheHandler inMemory() {
        return new CacheHandler(false);
    }

    /** Answers an empty cache that keeps an answer until it is asked for once more. */
    public static CacheHandler untilAskedAgain() {
        return new CacheHandler(true);
    }

    /** Answers true only for the effects this handler answers; it forwards every other one untouched. */
    @Override
    public boolean handles(Class<?> type) {
        return PureEffect.class.isAssignableFrom(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        if (!(effect instanceof PureEffect<R> pure)) {
            return next.forward(effect);
        }
        var key = key(pure);
        var cached = forgetOnHit ? answers.remove(key) : answers.get(key);
        if (cached != null) {
            hits.increment();
            return (R) cached;
        }
        misses.increment();
        // Forwarded outside any lock: the miss may take long, and two threads computing the same
        // answer is harmless since the effect is pure.
        R answer = next.forward(effect);
        var raced = answers.putIfAbsent(key, answer);
        return raced == null ? answer : (R) raced;
    }

    private static String key(PureEffect<?> effect) {
        return switch (effect) {
            case RenderMarkdown render -> "markdown:" + Bytes.utf8(render.markdown()).sha256();
        };
    }

    /** Answers how many effects were answered from the cache. */
    public long hits() {
        return hits.sum();
    }

    /** Answers how many effects were forwarded because the cache had no answer. */
    public long misses() {
        return misses.sum();
    }
}
