package dev.kiln.handlers;

/** Escapes attribute values as flexmark's renderer does, for the HTML kiln writes itself. */
final class AttributeValues {
    private AttributeValues() {
    }

    /**
     * Escapes an attribute's value as flexmark does ({@code Escaping.escapeHtml(value, true)}): an
     * {@code &} that starts an entity or a character reference is kept.
     */
    static String escaped(CharSequence value) {
        var text = value.toString();
        int length = text.length();
        StringBuilder escaped = null;
        int from = 0;
        for (int at = 0; at < length; at++) {
            char c = text.charAt(at);
            String entity;
            if (c == '&') {
                entity = entityLength(text, at) > 0 ? null : "&amp;";
            } else {
                entity = TextRenderer.entityOf(c);
            }
            if (entity != null) {
                if (escaped == null) {
                    escaped = new StringBuilder(length + 16);
                }
                escaped.append(text, from, at).append(entity);
                from = at + 1;
            }
        }
        return escaped == null ? text : escaped.append(text, from, length).toString();
    }

    /**
     * Answers the length of the entity or character reference at {@code at} ({@code &#x41;},
     * {@code &#65;}, {@code &amp;}), 0 if none starts there: flexmark's pattern, letters in either case.
     */
    private static int entityLength(String text, int at) {
        int length = text.length();
        int i = at + 1;
        int digits;
        if (i < length && text.charAt(i) == '#') {
            i++;
            boolean hex = i < length && (text.charAt(i) == 'x' || text.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int start = i;
            while (i < length && i - start < 8 && (hex ? isHexDigit(text.charAt(i)) : isDigit(text.charAt(i)))) {
                i++;
            }
            digits = i - start;
            if (digits == 0) {
                return 0;
            }
        } else {
            if (i >= length || !isLetter(text.charAt(i))) {
                return 0;
            }
            int start = i++;
            while (i < length && i - start < 32 && (isLetter(text.charAt(i)) || isDigit(text.charAt(i)))) {
                i++;
            }
            if (i - start < 2) {
                return 0;
            }
        }
        return i < length && text.charAt(i) == ';' ? i + 1 - at : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
