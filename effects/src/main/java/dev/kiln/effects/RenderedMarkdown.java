package dev.kiln.effects;

import java.util.List;
import java.util.Objects;

/**
 * The answer to {@link RenderMarkdown}: the HTML, the headings it holds in document order (for
 * tables of contents and for checking links to anchors), and the links it makes (for rewriting
 * links to other pages' source files and reporting broken ones).
 *
 * @param html the rendered HTML
 * @param headings every heading, in order
 * @param links every inline link, in order
 * @since 0.1
 */
public record RenderedMarkdown(String html, List<Heading> headings, List<Link> links) {
    public RenderedMarkdown {
        Objects.requireNonNull(html, "html");
        headings = List.copyOf(headings);
        links = List.copyOf(links);
    }

    /** Answers rendered Markdown that makes no links. */
    public RenderedMarkdown(String html, List<Heading> headings) {
        this(html, headings, List.of());
    }

    /**
     * One link of rendered Markdown, as written.
     *
     * @param href the link's destination as written in the Markdown ({@code ../guide/install.md#run})
     * @param line the 1-based line of the Markdown it is on
     */
    public record Link(String href, int line) {
        public Link {
            Objects.requireNonNull(href, "href");
        }
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
