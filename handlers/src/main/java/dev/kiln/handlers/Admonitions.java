package dev.kiln.handlers;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Admonitions, written either GitHub's way (a quote opening with {@code [!NOTE]}, {@code [!TIP]},
 * {@code [!IMPORTANT]}, {@code [!WARNING]} or {@code [!CAUTION]}) or as a fenced block
 * ({@code :::note Optional title} up to a {@code :::} line, any type word). Both render as
 * {@code <div class="admonition note"><p class="admonition-title">Note</p>...</div>}.
 *
 * <p>A fenced block is first turned into the quote form line for line, so that every line keeps
 * its number (links and errors point at the right line) and its Markdown is parsed as usual.
 */
final class Admonitions {
    private static final Pattern OPENING = Pattern.compile("^(\\s{0,3}):::\\s*([A-Za-z][\\w-]*)\\s*(.*)$");
    private static final Pattern CLOSING = Pattern.compile("^\\s{0,3}:::\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");
    private static final Pattern MARKER = Pattern.compile("^\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION|[a-z][\\w-]*)]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> GITHUB_TYPES = Set.of("note", "tip", "important", "warning", "caution");
    /** Marks the quote a fenced block became, so that any type word is taken, not only GitHub's. */
    private static final String FENCED = "kiln-";

    private Admonitions() {
    }

    /** Rewrites {@code :::type} blocks (outside code fences) as quotes opening with a marker. */
    static String fencesAsQuotes(String markdown) {
        if (!markdown.contains(":::")) {
            return markdown;
        }
        var out = new StringBuilder(markdown.length() + 64);
        int depth = 0;
        String codeFence = null;
        for (var line : markdown.split("\n", -1)) {
            var fence = FENCE.matcher(line);
            String written;
            if (codeFence != null) {
                if (fence.find() && fence.group(1).charAt(0) == codeFence.charAt(0)
                        && fence.group(1).length() >= codeFence.length()) {
                    codeFence = null;
                }
                written = line;
            } else if (fence.find()) {
                codeFence = fence.group(1);
                written = line;
            } else {
                var opening = OPENING.matcher(line);
                if (opening.matches()) {
                    written = "> [!" + FENCED + opening.group(2).toLowerCase(Locale.ROOT) + "] " + opening.group(3);
                    out.append("> ".repeat(depth)).append(written.strip()).append('\n');
                    depth++;
                    continue;
                }
                if (depth > 0 && CLOSING.matcher(line).matches()) {
                    depth--;
                    out.append("> ".repeat(depth)).append('\n');
                    continue;
                }
                written = line;
            }
            out.append("> ".repeat(depth)).append(written).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** Replaces every quote that opens with a marker by an admonition. */
    static void fromQuotes(Document document) {
        var quotes = new ArrayList<BlockQuote>();
        NodeWalk.descendants(document, node -> {
            if (node instanceof BlockQuote quote) {
                quotes.add(quote);
            }
        });
        for (var quote : quotes) {
            if (!(quote.getFirstChild() instanceof Paragraph first)) {
                continue;
            }
            var firstLine = first.getChars().toString().strip().lines().findFirst().orElse("");
            var marker = MARKER.matcher(firstLine);
            if (!marker.matches()) {
                continue;
            }
            var word = marker.group(1).toLowerCase(Locale.ROOT);
            String type;
            if (word.startsWith(FENCED)) {
                type = word.substring(FENCED.length());
            } else if (GITHUB_TYPES.contains(word)) {
                type = word;
            } else {
                continue;
            }
            var title = marker.group(2).isBlank() ? Character.toUpperCase(type.charAt(0)) + type.substring(1)
                    : marker.group(2).strip();
            dropFirstLine(first);
            var admonition = new Admonition(type, title);
            quote.insertBefore(admonition);
            for (var child = quote.getFirstChild(); child != null; child = quote.getFirstChild()) {
                admonition.appendChild(child);
            }
            quote.unlink();
        }
    }

    /** Removes a paragraph's first line (the marker); a paragraph of one line goes altogether. */
    private static void dropFirstLine(Paragraph paragraph) {
        for (var node = paragraph.getFirstChild(); node != null; ) {
            var next = node.getNext();
            boolean lineEnd = node instanceof SoftLineBreak || node instanceof HardLineBreak;
            node.unlink();
            if (lineEnd) {
                break;
            }
            node = next;
        }
        if (!paragraph.hasChildren()) {
            paragraph.unlink();
        }
    }

    /** The flexmark extension that renders admonitions. */
    static HtmlRenderer.HtmlRendererExtension extension() {
        return RendererExtension.of(new NodeRenderingHandler<>(Admonition.class, (node, context, html) -> {
            html.line();
            html.raw("<div class=\"admonition " + node.type + "\">\n<p class=\"admonition-title\">");
            html.text(node.title);
            html.raw("</p>\n");
            context.renderChildren(node);
            html.line();
            html.raw("</div>\n");
        }));
    }

    /** An admonition block in flexmark's tree: its type (a CSS class) and title. */
    static final class Admonition extends Block {
        final String type;
        final String title;

        Admonition(String type, String title) {
            super(BasedSequence.NULL);
            this.type = type;
            this.title = title;
        }

        @Override
        public BasedSequence[] getSegments() {
            return Node.EMPTY_SEGMENTS;
        }
    }
}
