package dev.kiln.effects;

import java.util.List;
import java.util.Objects;

/**
 * The answer to {@link RenderMarkdown}: the HTML and the headings it holds, in document order (for
 * tables of contents).
 *
 * @param html the rendered HTML
 * @param headings every heading, in order
 * @since 0.1
 */
public record RenderedMarkdown(String html, List<Heading> headings) {
    public RenderedMarkdown {
        Objects.requireNonNull(html, "html");
        headings = List.copyOf(headings);
    }

    /**
     * One heading of rendered Markdown.
     *
     * @param level 1 to 6
     * @param text the heading's plain text
     * @param id the anchor id given to it in the HTML
     */
    public record Heading(int level, String text, String id) {
        public Heading {
            if (level < 1 || level > 6) {
                throw new IllegalArgumentException("heading level must be 1 to 6, was " + level);
            }
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(id, "id");
        }
    }
}
