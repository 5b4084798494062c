package dev.kiln.effects;

import java.time.Instant;
import java.util.Objects;

/**
 * Asks whether a moment has passed (a page dated then may be published). Unlike {@link ReadClock}
 * it keeps a trace useful: a "no" holds until that moment, and a "yes" holds for good, so a build
 * that asked it can be skipped until one of its answers would change.
 *
 * @param moment the moment asked about
 * @since 0.1
 */
public record IsPast(Instant moment) implements Effect<Boolean> {
    public IsPast {
        Objects.requireNonNull(moment, "moment");
    }
}
