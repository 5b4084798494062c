package dev.kiln.handlers;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;

/**
 * Escapes {@code {{value}}} as Handlebars' default strategy does ({@code & < > " ' ` =} become
 * entities), in one pass over the text: the default's lookup translator took a fifth of the time
 * spent rendering layouts. A value with nothing to escape is given back as it is.
 */
final class HtmlEscaping implements EscapingStrategy {
    static final HtmlEscaping INSTANCE = new HtmlEscaping();

    private HtmlEscaping() {
    }

    @Override
    public CharSequence escape(CharSequence value) {
        if (value instanceof Handlebars.SafeString safe) {
            return safe.content;
        }
        if (value == null || value.isEmpty()) {
            return "";
        }
        int length = value.length();
        int first = 0;
        while (first < length && entity(value.charAt(first)) == null) {
            first++;
        }
        if (first == length) {
            return value;
        }
        var escaped = new StringBuilder(length + 16).append(value, 0, first);
        for (int i = first; i < length; i++) {
            char c = value.charAt(i);
            var entity = entity(c);
            if (entity == null) {
                escaped.append(c);
            } else {
                escaped.append(entity);
            }
        }
        return escaped.toString();
    }

    private static String entity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#x27;";
            case '`' -> "&#x60;";
            case '=' -> "&#x3D;";
            default -> null;
        };
    }
}
