package dev.kiln.effects;

/**
 * An effect whose answer depends only on the record's own value, so a handler may answer it from a
 * cache keyed by that value (content-addressed caching).
 *
 * @param <R> the type of the answer
 * @since 0.1
 */
public sealed interface PureEffect<R> extends Effect<R> permits RenderMarkdown {
}
