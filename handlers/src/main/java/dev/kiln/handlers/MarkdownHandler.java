package dev.kiln.handlers;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import dev.kiln.effects.Effect;
import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Next;
import dev.kiln.effects.RenderMarkdown;
import dev.kiln.effects.RenderedMarkdown;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders Markdown with flexmark, GitHub-flavoured: tables, strikethrough, task lists, autolinks,
 * footnotes, admonitions ({@code > [!NOTE]} or a {@code :::note} block), fenced code with a
 * {@code language-x} class, and an id on every heading. A page written in the plain subset
 * {@link DirectMarkdown} knows is read and written by it, without flexmark, to the same HTML.
 * flexmark's parser and renderer are built on first use and shared by all threads (both are
 * thread-safe; a parsed document is not shared).
 *
 * @since 0.1
 */
public final class MarkdownHandler implements Handler {
    /** Built on first use: a build that renders nothing never loads flexmark. */
    private final Lazy<Flexmark> flexmark = new Lazy<>(Flexmark::create);

    /** The parser and renderer, shared by all threads. */
    private record Flexmark(Parser parser, HtmlRenderer renderer) {
        static Flexmark create() {
            var options = options(extensions()).toImmutable();
            return new Flexmark(Parser.builder(options).build(), HtmlRenderer.builder(options).build());
        }
    }

    /** Answers kiln's flexmark extensions, in the order they are registered (tests build kiln's parser from them). */
    static List<Extension> extensions() {
        return List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                TaskListExtension.create(),
                FootnoteExtension.create(),
                Admonitions.extension(),
                TextRenderer.extension(),
                BlockStarts.extension());
    }

    /** Answers kiln's flexmark options with these extensions (a test builds flexmark's stock setup from them). */
    static MutableDataSet options(List<Extension> extensions) {
        return new MutableDataSet()
                .set(Parser.EXTENSIONS, extensions)
                // GitHub's tables: one dash per column is enough, rows are padded or cut to the header.
                .set(TablesExtension.MIN_SEPARATOR_DASHES, 1)
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true);
    }

    private MarkdownHandler() {
    }


    /** Answers a handler with kiln's Markdown dialect. */
    public static MarkdownHandler gitHubFlavoured() {
        return new MarkdownHandler();
    }

    /** Answers true only for the effects this handler answers; it forwards every other one untouched. */
    @Override
    public boolean handles(Class<?> type) {
        return RenderMarkdown.class.isAssignableFrom(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        return effect instanceof RenderMarkdown render ? (R) rendered(render) : next.forward(effect);
    }

    private RenderedMarkdown rendered(RenderMarkdown effect) {
        try {
            return render(effect.markdown());
        } catch (NestedTooDeep e) {
            throw new EffectFailedException(effect, e.getMessage(), e);
        }
    }

    /**
     * The deepest a page's Markdown may nest (quotes in quotes, lists in lists: a list and its
     * item are two levels): rendering is recursive, and flexmark's renderer overflows a thread's
     * stack at about 800 levels; sane pages stay under ten.
     */
    static final int MAX_DEPTH = 256;

    /** Thrown for Markdown nested deeper than {@link #MAX_DEPTH}. */
    static final class NestedTooDeep extends RuntimeException {
        NestedTooDeep(int depth) {
            super("Markdown nested " + depth + " levels deep (quotes or lists inside each other); kiln renders up to "
                    + MAX_DEPTH);
        }
    }

    RenderedMarkdown render(String markdown) {
        // Typical pages are parsed and written directly; anything else by flexmark (see DirectMarkdown).
        var direct = DirectMarkdown.render(markdown);
        return direct != null ? direct : renderWithFlexmark(markdown);
    }

    /** Renders with flexmark's parser, whatever the Markdown holds. */
    RenderedMarkdown renderWithFlexmark(String markdown) {
        var flexmark = this.flexmark.get();
        Document document = flexmark.parser().parse(Admonitions.fencesAsQuotes(markdown));
        int depth = NodeWalk.depth(document);
        if (depth > MAX_DEPTH) {
            throw new NestedTooDeep(depth);
        }
        // flexmark's autolink extension would run as a post-processor inside the parse; this runs it
        // only where a link can be (see Autolinks).
        Autolinks.link(document);
        Admonitions.fromQuotes(document);
        // Typical pages are written directly; anything else by flexmark's renderer (see DirectHtml).
        String html = DirectHtml.render(document);
        if (html == null) {
            html = flexmark.renderer().render(document);
        }
        var links = new ArrayList<RenderedMarkdown.Link>();
        // Ids are assigned while rendering, so the headings are collected afterwards.
        var headings = new ArrayList<RenderedMarkdown.Heading>();
        NodeWalk.descendants(document, node -> {
            if (node instanceof Heading heading) {
                headings.add(new RenderedMarkdown.Heading(
                        heading.getLevel(), new TextCollectingVisitor().collectAndGetText(heading),
                        String.valueOf(heading.getAnchorRefId())));
            } else if (node instanceof Link link) {
                links.add(new RenderedMarkdown.Link(TextRenderer.string(link.getUrl()), link.getStartOffset()));
            } else if (node instanceof Reference reference) {
                // A reference definition ("[id]: ../x.md") is where a reference link's address is written.
                links.add(new RenderedMarkdown.Link(TextRenderer.string(reference.getUrl()), reference.getStartOffset()));
            }
        });
        return new RenderedMarkdown(html, headings, withLines(links, document.getChars()));
    }

    /**
     * Turns the links' offsets into 1-based line numbers in one pass over the text (flexmark's
     * own line lookup walks the document for every node). The text flexmark parsed has as many
     * lines as the Markdown given, admonition fences included.
     */
    private static List<RenderedMarkdown.Link> withLines(List<RenderedMarkdown.Link> atOffsets, CharSequence text) {
        if (atOffsets.isEmpty()) {
            return atOffsets;
        }
        var sorted = new ArrayList<>(atOffsets);
        sorted.sort(java.util.Comparator.comparingInt(RenderedMarkdown.Link::line));
        var lines = new java.util.HashMap<Integer, Integer>();
        int line = 1;
        int at = 0;
        for (var link : sorted) {
            for (; at < link.line() && at < text.length(); at++) {
                if (text.charAt(at) == '\n') {
                    line++;
                }
            }
            lines.put(link.line(), line);
        }
        return atOffsets.stream().map(link -> new RenderedMarkdown.Link(link.href(), lines.get(link.line()))).toList();
    }
}
