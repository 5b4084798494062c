package dev.kiln.effects;

/**
 * Says, from inside a {@link Traced} computation that runs again, that its new trace keeps every
 * input and output its last run recorded, but for those it records anew: a computation that
 * updates part of what it made last time (one page of a site, one entry of an index) depends on
 * all of it still. After this, reading an output file it wrote last time, unchanged since, adds
 * no input: its content follows from the inputs kept.
 *
 * @since 0.1
 */
public record KeepEarlierTrace() implements Effect<Unit> {
}
