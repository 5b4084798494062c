package dev.kiln.handlers;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * Renders flexmark's text nodes exactly as its core renderer does (backslash escapes and entities
 * resolved, line ends made {@code \n}, {@code & < > "} escaped), without running its regular
 * expressions over text that has none of those: the core renderer's escaping and unescaping were
 * a sixth of the time flexmark takes for a typical page.
 */
final class TextRenderer {
    private static final Entities.Table ENTITIES = Entities.Table.of(c -> entityOf((char) c));

    private TextRenderer() {
    }

    /** The flexmark extension that renders text nodes; it takes precedence over the core renderer. */
    static HtmlRenderer.HtmlRendererExtension extension() {
        return RendererExtension.of(
                new NodeRenderingHandler<>(Text.class, (node, context, html) -> html.raw(html(node.getChars()))));
    }

    /** Answers the HTML of a text node's characters. */
    static String html(CharSequence chars) {
        var text = unescaped(chars);
        if (text.indexOf('\r') >= 0) {
            text = Escaping.normalizeEOL(text);
        }
        return escaped(text);
    }

    /** Escapes text as flexmark's {@code Escaping.escapeHtml(text, false)} does: {@code & < > "}. */
    static String escaped(CharSequence text) {
        return Entities.replaced(text, ENTITIES);
    }

    /** Appends the text from {@code from} to {@code to}, escaped as {@link #escaped} escapes it. */
    static void appendEscaped(StringBuilder out, String text, int from, int to) {
        Entities.appendReplaced(out, text, from, to, ENTITIES);
    }

    /** Answers the characters with backslash escapes and entities resolved, as flexmark's {@code unescape()} does. */
    static String unescaped(CharSequence chars) {
        var text = string(chars);
        return text.indexOf('\\') >= 0 || text.indexOf('&') >= 0 ? Escaping.unescapeString(text) : text;
    }

    /**
     * Answers the characters as a string: cut from the parsed text when they are a plain part of it
     * (flexmark's own {@code toString()} copies them one at a time).
     */
    static String string(CharSequence chars) {
        if (chars instanceof SubSequence part && part.getBase() instanceof String text) {
            return text.substring(part.getStartOffset(), part.getEndOffset());
        }
        return chars.toString();
    }

    /** Answers the entity flexmark writes for a character of text, {@code null} for one kept as it is. */
    static String entityOf(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> null;
        };
    }
}
