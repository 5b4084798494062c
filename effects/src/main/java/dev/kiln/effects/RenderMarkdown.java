package dev.kiln.effects;

import java.util.Objects;

/**
 * Renders Markdown to HTML. Pure: the same text always renders the same, so the answer may come
 * from a cache.
 *
 * @param markdown the Markdown source
 * @since 0.1
 */
public record RenderMarkdown(String markdown) implements PureEffect<RenderedMarkdown> {
    public RenderMarkdown {
        Objects.requireNonNull(markdown, "markdown");
    }

    @Override
    public String toString() {
        return "RenderMarkdown[" + markdown.length() + " chars]";
    }
}
