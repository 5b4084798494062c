package dev.kiln.handlers;

/** Replaces the characters HTML needs escaped by their entities, for the Markdown and template escaping. */
final class Entities {
    /** The entity of each character to replace, {@code null} for a character kept as it is. */
    @FunctionalInterface
    interface Table {
        String entityOf(char c);
    }

    private Entities() {
    }

    /** Answers the text with the table's characters replaced (the same string when there are none). */
    static String replaced(CharSequence text, Table table) {
        int length = text.length();
        int at = 0;
        while (at < length && table.entityOf(text.charAt(at)) == null) {
            at++;
        }
        if (at == length) {
            return text.toString();
        }
        var out = new StringBuilder(length + 16).append(text, 0, at);
        for (; at < length; at++) {
            char c = text.charAt(at);
            var entity = table.entityOf(c);
            if (entity == null) {
                out.append(c);
            } else {
                out.append(entity);
            }
        }
        return out.toString();
    }
}
