package dev.kiln.handlers;

import java.util.function.IntFunction;

/** Replaces the characters HTML needs escaped by their entities, for the Markdown and template escaping. */
final class Entities {
    /**
     * The entity of each character to replace, {@code null} for a character kept as it is. ASCII
     * characters, nearly all text, are looked up in an array: the lookup runs for every character
     * of every escaped value, and a call per character through a function was 1-2 % of a build.
     */
    static final class Table {
        private final String[] ascii = new String[0x80];
        private final IntFunction<String> entityOf;

        private Table(IntFunction<String> entityOf) {
            this.entityOf = entityOf;
            for (char c = 0; c < ascii.length; c++) {
                ascii[c] = entityOf.apply(c);
            }
        }

        /** Answers the table of {@code entityOf}, which answers a character's entity or {@code null}. */
        static Table of(IntFunction<String> entityOf) {
            return new Table(entityOf);
        }

        String entityOf(char c) {
            return c < 0x80 ? ascii[c] : entityOf.apply(c);
        }
    }

    private Entities() {
    }

    /** Answers the text with the table's characters replaced (the same string when there are none). */
    static String replaced(CharSequence chars, Table table) {
        var text = chars.toString();
        int length = text.length();
        int at = 0;
        while (at < length && table.entityOf(text.charAt(at)) == null) {
            at++;
        }
        if (at == length) {
            return text;
        }
        var out = new StringBuilder(length + 16).append(text, 0, at);
        appendReplaced(out, text, at, length, table);
        return out.toString();
    }

    /** Appends the text from {@code from} to {@code to} with the table's characters replaced. */
    static void appendReplaced(StringBuilder out, String text, int from, int to, Table table) {
        int kept = from;
        for (int at = from; at < to; at++) {
            var entity = table.entityOf(text.charAt(at));
            if (entity != null) {
                out.append(text, kept, at).append(entity);
                kept = at + 1;
            }
        }
        out.append(text, kept, to);
    }
}
