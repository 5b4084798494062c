package dev.kiln.effects;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a computation whose inputs are recorded, so that a later build can skip it while they still
 * hold: every file it reads, every file whose existence it asks about, every listing, and the
 * files it writes. What it depends on besides files (site-wide data it shows, the config) is named
 * in {@code fingerprints}: a hash per named part, compared as they are.
 *
 * <p>A tracing handler answers it; a stack without one leaves it unhandled. A build that must
 * run everything (tests of a first build, {@code --no-cache}) uses the tracing handler with an
 * empty or unreusable store: nothing is skipped, and the traces are still recorded.
 *
 * @param key what the computation produces, unique in a build ({@code page:blog/x/index.html})
 * @param fingerprints named hashes of the non-file inputs ({@code "config"}, {@code "site data"})
 * @param codec how its answer is kept between builds
 * @param computation the computation, which may perform effects
 * @param <T> what it answers
 * @since 0.1
 */
public record Traced<T>(String key, Map<String, String> fingerprints, Codec<T> codec, Supplier<T> computation)
        implements Effect<T> {
    public Traced {
        Objects.requireNonNull(key, "key");
        fingerprints = Map.copyOf(fingerprints);
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(computation, "computation");
    }

    @Override
    public String toString() {
        return "Traced[" + key + "]";
    }
}
