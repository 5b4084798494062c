package dev.kiln.effects;

import java.time.Instant;

/**
 * Asks for the current time; page code never reads the clock itself, so tests can fix it.
 *
 * @since 0.1
 */
public record ReadClock() implements Effect<Instant> {
}
