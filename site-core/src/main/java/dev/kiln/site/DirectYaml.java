package dev.kiln.site;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a mapping written in the plain subset of YAML that front matter is mostly written in,
 * straight from its text: one {@code key: value} a line, a value being a quoted string without
 * escapes, a plain word or sentence, a small whole number, or a block list of those
 * ({@code - item} lines) or a flow list of those on the key's line ({@code [a, b]}), or a
 * mapping of scalars and flow lists indented below a key ({@code cascade:}, {@code params:});
 * blank lines and whole-line comments between top-level keys. Anything else (deeper nesting,
 * lists of mappings, nested or empty flow collections, block scalars, anchors, escapes, tabs,
 * other numbers, a repeated key) answers null and goes to SnakeYAML, as a page outside
 * {@code DirectMarkdown}'s subset goes to flexmark. What it answers is what {@link YamlText}
 * makes of SnakeYAML's (the tests hold it to that), so a page's values are the same either way.
 */
final class DirectYaml {
    /** The words SnakeYAML reads as booleans (YAML 1.1) and as null. */
    private static final Set<String> TRUE = Set.of("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("null", "Null", "NULL");
    /** Marks a value SnakeYAML reads as null: the key then counts as not set. */
    private static final Object ABSENT = new Object();

    private DirectYaml() {
    }

    /** Answers the mapping, as {@link YamlText#parseMapping} would, or null where the text leaves the subset. */
    static Map<String, Object> mapping(String text) {
        return new Lines(text).mapping(0);
    }

    /** Reads a text a line at a time; {@link #at} is where the next line starts. */
    private static final class Lines {
        private final String text;
        private int at;

        Lines(String text) {
            this.text = text;
        }

        /**
         * Reads the keys of a mapping indented by {@code indent} spaces (0 for the whole text) and
         * their values; a nested mapping ends at a line indented less, a blank line or a comment.
         */
        Map<String, Object> mapping(int indent) {
            var values = new LinkedHashMap<String, Object>();
            var keys = new java.util.HashSet<String>();
            int length = text.length();
            while (at < length) {
                int end = lineEnd(text, at);
                int spaces = spacesEnd(text, at, end) - at;
                if (indent == 0) {
                    if (end == at || text.charAt(at) == '#') {
                        at = end + 1;
                        continue;
                    }
                } else if (spaces < indent || at + spaces == end || text.charAt(at + spaces) == '#') {
                    // The top level reads on from here: a line indented after it leaves the subset there.
                    break;
                } else if (spaces > indent) {
                    return null;
                }
                int colon = keyEnd(text, at + indent, end);
                if (colon < 0) {
                    return null;
                }
                var key = text.substring(at + indent, colon);
                if (!keys.add(key) || TRUE.contains(key) || FALSE.contains(key) || NULL.contains(key)) {
                    // SnakeYAML refuses a repeated key; a key that reads as a boolean or null is not that text.
                    return null;
                }
                at = end + 1;
                Object value;
                if (colon + 1 == end) {
                    value = indent == 0 ? valueBelow() : nothingBelow(indent) ? ABSENT : null;
                } else if (text.charAt(colon + 1) == ' ') {
                    // "key: " with nothing after it leaves the subset, as scalar() answers.
                    boolean flow = colon + 2 < end && text.charAt(colon + 2) == '[';
                    value = flow ? flowList(text, colon + 2, end) : scalar(text, colon + 2, end);
                } else {
                    value = null;
                }
                if (value == null) {
                    return null;
                }
                if (value != ABSENT) {
                    values.put(key, value);
                }
            }
            return values.isEmpty() && keys.isEmpty() ? Map.of() : Collections.unmodifiableMap(values);
        }

        /**
         * Reads what the lines below a top-level {@code key:} hold: a block list, a nested mapping
         * (of scalars and flow lists), or nothing ({@link #ABSENT}); null where they leave the subset.
         */
        private Object valueBelow() {
            var items = new ArrayList<Object>();
            int indent = -1;
            int length = text.length();
            while (at < length) {
                int itemEnd = lineEnd(text, at);
                int dash = spacesEnd(text, at, itemEnd);
                if (dash + 1 >= itemEnd || text.charAt(dash) != '-' || text.charAt(dash + 1) != ' ') {
                    break;
                }
                if (indent >= 0 && dash - at != indent) {
                    return null;
                }
                indent = dash - at;
                var item = scalar(text, dash + 2, itemEnd);
                if (item == null) {
                    return null;
                }
                items.add(item == ABSENT ? null : item);
                at = itemEnd + 1;
            }
            if (!items.isEmpty()) {
                return Collections.unmodifiableList(items);
            }
            if (at < length) {
                int end = lineEnd(text, at);
                int spaces = spacesEnd(text, at, end) - at;
                if (spaces > 0 && at + spaces < end && isLetter(text.charAt(at + spaces))) {
                    return mapping(spaces);
                }
            }
            return ABSENT;
        }

        /** Answers whether no line below a nested {@code key:} belongs to it (indented more, or a list item). */
        private boolean nothingBelow(int indent) {
            if (at >= text.length()) {
                return true;
            }
            int end = lineEnd(text, at);
            int spaces = spacesEnd(text, at, end) - at;
            return at + spaces == end || spaces < indent || spaces == indent && text.charAt(at + spaces) != '-';
        }
    }

    /**
     * Answers the list a flow sequence of scalars on one line makes ({@code [a, "b c", 3]}), from
     * its opening bracket at {@code from} to {@code end}; null where it leaves the subset (empty,
     * an empty or trailing entry, nested collections, more than the line).
     */
    private static List<Object> flowList(String text, int from, int end) {
        if (text.charAt(end - 1) != ']') {
            return null;
        }
        int close = end - 1;
        var items = new ArrayList<Object>();
        int at = from + 1;
        while (true) {
            at = spacesEnd(text, at, close);
            if (at == close) {
                // An empty sequence or a trailing comma: SnakeYAML's to read.
                return null;
            }
            char first = text.charAt(at);
            int itemEnd;
            if (first == '"' || first == '\'') {
                int quote = text.indexOf(first, at + 1);
                if (quote < 0 || quote >= close) {
                    return null;
                }
                itemEnd = quote + 1;
            } else {
                itemEnd = at;
                while (itemEnd < close && text.charAt(itemEnd) != ',') {
                    if (text.charAt(itemEnd) == '?') {
                        // SnakeYAML takes a question mark in a flow sequence for a key's mark.
                        return null;
                    }
                    itemEnd++;
                }
                while (itemEnd > at && text.charAt(itemEnd - 1) == ' ') {
                    itemEnd--;
                }
            }
            var item = scalar(text, at, itemEnd);
            if (item == null) {
                return null;
            }
            items.add(item == ABSENT ? null : item);
            at = spacesEnd(text, itemEnd, close);
            if (at == close) {
                return Collections.unmodifiableList(items);
            }
            if (text.charAt(at) != ',') {
                return null;
            }
            at++;
        }
    }

    /** Answers where the spaces from {@code at} end, at {@code end} at most. */
    private static int spacesEnd(String text, int at, int end) {
        while (at < end && text.charAt(at) == ' ') {
            at++;
        }
        return at;
    }

    /** Answers where the line starting at {@code at} ends (its newline, or the text's end). */
    private static int lineEnd(String text, int at) {
        int end = text.indexOf('\n', at);
        return end < 0 ? text.length() : end;
    }

    /** Answers where a line's key ends (its colon), or -1 where the line is not a plain key and colon. */
    private static int keyEnd(String text, int at, int end) {
        if (!isLetter(text.charAt(at))) {
            return -1;
        }
        int i = at + 1;
        while (i < end && (isLetter(text.charAt(i)) || isDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '-')) {
            i++;
        }
        return i < end && text.charAt(i) == ':' ? i : -1;
    }

    /** Answers the value of a scalar that fills {@code from} to {@code end}; {@link #ABSENT} for null; null where it leaves the subset. */
    private static Object scalar(String text, int from, int end) {
        if (from >= end) {
            return null;
        }
        char first = text.charAt(from);
        if (first == '"' || first == '\'') {
            if (end - from < 2 || text.charAt(end - 1) != first) {
                return null;
            }
            for (int i = from + 1; i < end - 1; i++) {
                char c = text.charAt(i);
                if (c == first || c == '\\' || c < ' ' || c == 0x7f) {
                    return null;
                }
            }
            return text.substring(from + 1, end - 1);
        }
        if (isDigit(first)) {
            return number(text, from, end);
        }
        if (!isLetter(first) || text.charAt(end - 1) == ' ') {
            return null;
        }
        for (int i = from + 1; i < end; i++) {
            char c = text.charAt(i);
            if (!isLetter(c) && !isDigit(c) && " _.,/()?!-".indexOf(c) < 0) {
                return null;
            }
        }
        var word = text.substring(from, end);
        if (TRUE.contains(word)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(word)) {
            return Boolean.FALSE;
        }
        return NULL.contains(word) ? ABSENT : word;
    }

    /** A whole number (no sign, no leading zero, at most nine digits) or a date written {@code 2024-03-05}, which stays text. */
    private static Object number(String text, int from, int end) {
        if (end - from == 10 && text.charAt(from + 4) == '-' && text.charAt(from + 7) == '-') {
            for (int i = from; i < end; i++) {
                if (i != from + 4 && i != from + 7 && !isDigit(text.charAt(i))) {
                    return null;
                }
            }
            return text.substring(from, end);
        }
        if (end - from > 9 || end - from > 1 && text.charAt(from) == '0') {
            return null;
        }
        int value = 0;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
