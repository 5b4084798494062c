package dev.kiln.effects;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks for what the last build recorded of a {@link Traced} computation: its answer and its
 * fingerprints, whether or not its trace still holds; empty where there is none (a first build,
 * a cache of another kiln, {@code --no-cache}) or its answer cannot be read. The asker must tell
 * for itself whether what it gets still applies; a one-page build compares it with what it
 * parses anew.
 *
 * @param key the computation's key
 * @param codec how its answer was kept
 * @param <T> what it answers
 * @since 0.1
 */
public record Recorded<T>(String key, Codec<T> codec) implements Effect<Optional<Recorded.Answer<T>>> {
    public Recorded {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(codec, "codec");
    }

    /**
     * What the last build recorded of a computation.
     *
     * @param value its answer
     * @param fingerprints the named hashes of its non-file inputs
     * @param outputs the SHA-256 of each file it wrote, as it wrote it
     * @param <T> what it answers
     */
    public record Answer<T>(T value, Map<String, String> fingerprints, Map<OutputPath, String> outputs) {
        public Answer {
            fingerprints = Map.copyOf(fingerprints);
            outputs = Map.copyOf(outputs);
        }
    }
}
