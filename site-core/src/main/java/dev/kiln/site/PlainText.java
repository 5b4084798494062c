package dev.kiln.site;

import java.util.regex.Pattern;

/**
 * Plain text from Markdown, for what lists, feeds and counts need: a page's summary (its
 * {@code summary} front matter, else what comes before a {@code <!--more-->} marker, else its first
 * paragraph), its word count and its reading time. The text loses its markup, not its words.
 */
final class PlainText {
    /** Where a summary ends when the page says so. */
    static final String MORE = "<!--more-->";
    /** The most words a summary drawn from the first paragraph keeps. */
    static final int SUMMARY_WORDS = 70;
    /** Words read per minute, as Hugo counts them. */
    static final int WORDS_PER_MINUTE = 213;

    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

    /** What an ASCII character is to the scan: copied as it is, a letter or digit (copied), a gap, or markup to look at. */
    private static final byte PLAIN = 0;
    private static final byte LETTER_OR_DIGIT = 1;
    private static final byte GAP = 2;
    private static final byte MARKUP = 3;
    private static final byte[] KIND = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            KIND[c] = Character.isLetterOrDigit(c) ? LETTER_OR_DIGIT
                    : Character.isWhitespace(c) || c == '|' ? GAP
                    : "]<!*_`~[".indexOf(c) >= 0 ? MARKUP : PLAIN;
        }
    }

    private PlainText() {
    }

    /** Answers a page's summary from its Markdown body. */
    static String summaryOf(String body) {
        int more = body.indexOf(MORE);
        if (more >= 0) {
            return inline(withoutBlocks(body.substring(0, more)));
        }
        // Block by block from the top: the first paragraph is usually near it, and the rest of
        // the body need not be split at all.
        var blocks = BLANK_LINES.matcher(body);
        int start = 0;
        while (start < body.length()) {
            int end = blocks.find(start) ? blocks.start() : body.length();
            var text = body.substring(start, end).strip();
            if (isProse(text)) {
                return truncated(inline(text), SUMMARY_WORDS);
            }
            start = end == body.length() ? end : blocks.end();
        }
        return "";
    }

    /**
     * Answers how many words a {@linkplain #of plain text} holds, and so the Markdown body it was
     * made from, its code included: runs of characters between spaces that hold a letter or digit.
     */
    static int wordsIn(String plainText) {
        int words = 0;
        boolean counted = false;
        for (int i = 0; i < plainText.length(); i++) {
            char c = plainText.charAt(i);
            if (c == ' ') {
                counted = false;
            } else if (!counted && (c < 0x80 ? KIND[c] == LETTER_OR_DIGIT : Character.isLetterOrDigit(c))) {
                words++;
                counted = true;
            }
        }
        return words;
    }

    /**
     * Answers the plain text of a Markdown body, words one space apart: link targets, HTML tags,
     * fence lines, block markers and emphasis left out, code kept. One pass over the text, since
     * every page pays for it when it is parsed.
     */
    static String of(String body) {
        var text = scan(body);
        int end = text.size();
        while (end > 0 && text.chars()[end - 1] == ' ') {
            end--;
        }
        return new String(text.chars(), 0, end);
    }

    /**
     * A body's plain text: the first {@code size} chars of {@code chars}, words one space apart.
     * The chars are the scanning thread's scratch: read them before that thread scans again.
     */
    private record Scanned(char[] chars, int size) {
    }

    /**
     * Each thread's scratch arrays for {@link #scan}, the body's chars and the plain text's: two
     * arrays of a body's length a scan, twice a page, were a tenth of all a build allocated.
     */
    private static final ThreadLocal<char[][]> SCRATCH = ThreadLocal.withInitial(() -> new char[][] {new char[4096], new char[4096]});

    /**
     * Answers the plain text of a body, written into a char array of the body's length (every char
     * written comes from the body, an autolink's address among them). Most characters are letters,
     * digits and spaces, which a table lookup sends straight to the output; lines' starts and
     * markup take the longer way.
     */
    private static Scanned scan(String body) {
        int length = body.length();
        var scratch = SCRATCH.get();
        if (scratch[0].length < length) {
            scratch[0] = new char[Math.max(length, 2 * scratch[0].length)];
            scratch[1] = new char[scratch[0].length];
        }
        var in = scratch[0];
        body.getChars(0, length, in, 0);
        var out = scratch[1];
        int size = 0;
        int at = 0;
        boolean lineStart = true;
        while (at < length) {
            if (lineStart) {
                lineStart = false;
                int start = at;
                while (start < length && (in[start] == ' ' || in[start] == '\t')) {
                    start++;
                }
                if (start + 2 < length && (in[start] == '`' || in[start] == '~') && in[start + 1] == in[start]
                        && in[start + 2] == in[start]) {
                    // A fence line: left out whole, its info string too.
                    int end = start;
                    while (end < length && in[end] != '\n') {
                        end++;
                    }
                    at = end < length ? end + 1 : length;
                    lineStart = true;
                    size = space(out, size);
                    continue;
                }
                while (start < length && isBlockMarker(in[start])) {
                    start++;
                }
                if (start > at) {
                    at = start;
                    size = space(out, size);
                    continue;
                }
            }
            char c = in[at];
            byte kind = c < 0x80 ? KIND[c] : Character.isWhitespace(c) ? GAP : PLAIN;
            if (kind <= LETTER_OR_DIGIT) {
                out[size++] = c;
                at++;
                continue;
            }
            if (kind == GAP) {
                size = space(out, size);
                lineStart = c == '\n';
                at++;
                continue;
            }
            if (c == ']' && at + 1 < length && in[at + 1] == '(') {
                // A link's target is left out, its text kept.
                int skipTo = closing(in, length, at + 2, ')');
                if (skipTo > 0) {
                    at = skipTo;
                    continue;
                }
            } else if (c == '<') {
                int skipTo = closing(in, length, at + 1, '>');
                if (skipTo > 0) {
                    // An autolink keeps its address; any other tag is a gap between words.
                    size = space(out, size);
                    if (skipTo - at > 5 && in[at + 1] == 'h' && in[at + 2] == 't' && in[at + 3] == 't' && in[at + 4] == 'p') {
                        System.arraycopy(in, at + 1, out, size, skipTo - at - 2);
                        size += skipTo - at - 2;
                    }
                    size = space(out, size);
                    at = skipTo;
                    continue;
                }
                out[size++] = c;
            } else if (c == '!' && !(at + 1 < length && in[at + 1] == '[')) {
                out[size++] = c;
            }
            // Otherwise emphasis, code and brackets: left out.
            at++;
        }
        return new Scanned(out, size);
    }

    /** Writes a space after the {@code size} chars of {@code out} unless there is one; answers the new size. */
    private static int space(char[] out, int size) {
        if (size > 0 && out[size - 1] != ' ') {
            out[size++] = ' ';
        }
        return size;
    }

    /** A heading, quote, table or list marker at the start of a line. */
    private static boolean isBlockMarker(char c) {
        return c == '#' || c == '>' || c == '|' || c == '-';
    }

    /** Answers the index after {@code close} on the same line from {@code at}, or -1. */
    private static int closing(char[] text, int length, int at, char close) {
        for (int i = at; i < length; i++) {
            char c = text[i];
            if (c == close) {
                return i + 1;
            }
            if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** Answers the minutes a reader needs for a number of words (at least one for any text). */
    static int readingMinutes(int words) {
        return words == 0 ? 0 : (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE;
    }

    /** A paragraph of prose: not a heading, code, table, quote, list, image or raw HTML. */
    private static boolean isProse(String block) {
        return !block.isEmpty() && !block.startsWith("#") && !block.startsWith("```") && !block.startsWith("~~~")
                && !block.startsWith("|") && !block.startsWith(">") && !block.startsWith("<")
                && !block.startsWith("![") && !block.startsWith("- ") && !block.startsWith("* ")
                && !block.startsWith("    ") && !Character.isDigit(block.charAt(0));
    }

    /** Drops fenced code and heading markers from a stretch of Markdown. */
    private static String withoutBlocks(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", " ").replaceAll("(?m)^#+\\s*", "");
    }

    /**
     * Answers a stretch of Markdown's inline text without its markup: an image or link becomes its
     * text, an autolink its address, an HTML tag a space, emphasis and code marks go, and runs of
     * spaces and line ends become one space. Six passes in this order, each what a regular
     * expression's replacement would do (they were ones, and a tenth of the time a page took to
     * parse): a later pass sees what an earlier one left, so an image inside a link becomes the
     * link's text.
     */
    private static String inline(String markdown) {
        var text = linksToText(markdown, "![");
        text = linksToText(text, "[");
        text = tagsReplaced(text);
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '_' || c == '`') {
                continue;
            }
            if (c == '~' && i + 1 < text.length() && text.charAt(i + 1) == '~') {
                i++;
                continue;
            }
            out.append(c);
        }
        return spacesJoined(out).strip();
    }

    /**
     * Replaces each link written after {@code opener} ({@code ![} for images, {@code [} for links)
     * with its text: the text runs to the first {@code ]}, which a {@code (} must follow, and the
     * target to the first {@code )}, over lines too.
     */
    private static String linksToText(String text, String opener) {
        int open = text.indexOf(opener);
        if (open < 0) {
            return text;
        }
        var out = new StringBuilder(text.length()).append(text, 0, open);
        int at = open;
        while (at < text.length()) {
            if (text.startsWith(opener, at)) {
                int close = text.indexOf(']', at + opener.length());
                if (close >= 0 && close + 1 < text.length() && text.charAt(close + 1) == '(') {
                    int end = text.indexOf(')', close + 2);
                    if (end >= 0) {
                        out.append(text, at + opener.length(), close);
                        at = end + 1;
                        continue;
                    }
                }
            }
            out.append(text.charAt(at));
            at++;
        }
        return out.toString();
    }

    /**
     * Replaces each autolink ({@code <http://...>} or {@code <https://...>}) with its address, then
     * each other tag ({@code <} and {@code >} with something between) with a space.
     */
    private static String tagsReplaced(String text) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        var addresses = new StringBuilder(text.length());
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '<') {
                int start = at + 1;
                int address = text.startsWith("https://", start) ? start + 8 : text.startsWith("http://", start) ? start + 7 : -1;
                int end = address < 0 ? -1 : text.indexOf('>', address);
                if (end > address) {
                    addresses.append(text, start, end);
                    at = end;
                    continue;
                }
            }
            addresses.append(c);
        }
        var out = new StringBuilder(addresses.length());
        for (int at = 0; at < addresses.length(); at++) {
            char c = addresses.charAt(at);
            if (c == '<') {
                int end = addresses.indexOf(">", at + 1);
                if (end > at + 1) {
                    out.append(' ');
                    at = end;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Answers the text with each run of ASCII spaces, tabs and line ends made one space. */
    private static String spacesJoined(CharSequence text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isAsciiSpace(c)) {
                if (i == 0 || !isAsciiSpace(text.charAt(i - 1))) {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /** Answers the text cut after its first {@code words} words, with an ellipsis; the text has single spaces only. */
    private static String truncated(String text, int words) {
        int at = -1;
        for (int word = 0; word < words; word++) {
            at = text.indexOf(' ', at + 1);
            if (at < 0) {
                return text;
            }
        }
        return text.substring(0, at) + "…";
    }
}
