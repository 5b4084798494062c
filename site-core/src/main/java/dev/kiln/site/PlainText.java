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

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>]+)>");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|_|~~|`)");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

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
     * Answers how many words a Markdown body holds, its code included: runs of characters between
     * spaces that hold a letter or digit, in its {@linkplain #of plain text}.
     */
    static int wordCount(String body) {
        var text = of(body);
        int words = 0;
        boolean counted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                counted = false;
            } else if (!counted && Character.isLetterOrDigit(c)) {
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
        // Written into a char array: a StringBuilder's checks on every char cost more than the scan.
        var out = new Output(body.length());
        int length = body.length();
        int at = 0;
        while (at < length) {
            if (at == 0 || body.charAt(at - 1) == '\n') {
                int start = skipIndent(body, at);
                if (body.startsWith("```", start) || body.startsWith("~~~", start)) {
                    int end = body.indexOf('\n', start);
                    at = end < 0 ? length : end + 1;
                    out.space();
                    continue;
                }
                while (start < length && "#>|-".indexOf(body.charAt(start)) >= 0) {
                    start++;
                }
                if (start > at) {
                    at = start;
                    out.space();
                    continue;
                }
            }
            char c = body.charAt(at);
            if (c == ']' && at + 1 < length && body.charAt(at + 1) == '(') {
                int skipTo = closing(body, at + 2, ')');
                if (skipTo > 0) {
                    at = skipTo;
                    continue;
                }
            } else if (c == '<') {
                int skipTo = closing(body, at + 1, '>');
                if (skipTo > 0) {
                    // An autolink keeps its address; any other tag is a gap between words.
                    out.space();
                    if (body.startsWith("http", at + 1)) {
                        for (int i = at + 1; i < skipTo - 1; i++) {
                            out.add(body.charAt(i));
                        }
                    }
                    out.space();
                    at = skipTo;
                    continue;
                }
            }
            if (isWhitespace(c) || c == '|') {
                out.space();
            } else if (c != '*' && c != '_' && c != '`' && c != '~' && c != '[' && c != ']'
                    && !(c == '!' && at + 1 < length && body.charAt(at + 1) == '[')) {
                out.add(c);
            }
            at++;
        }
        return out.trimmed();
    }

    /** The plain text being written: words with single spaces between them. */
    private static final class Output {
        private final char[] chars;
        private int size;

        Output(int capacity) {
            // Every char written comes from the body (an autolink's address among them), so the
            // body's length is enough.
            chars = new char[capacity];
        }

        void add(char c) {
            chars[size++] = c;
        }

        void space() {
            if (size > 0 && chars[size - 1] != ' ') {
                chars[size++] = ' ';
            }
        }

        String trimmed() {
            int end = size;
            while (end > 0 && chars[end - 1] == ' ') {
                end--;
            }
            return new String(chars, 0, end);
        }
    }

    /** {@link Character#isWhitespace}, without its table lookup for the ASCII characters nearly all text is made of. */
    private static boolean isWhitespace(char c) {
        if (c <= ' ') {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001C';
        }
        return c >= '\u0080' && Character.isWhitespace(c);
    }

    private static int skipIndent(String text, int at) {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    /** Answers the index after {@code close} on the same line from {@code at}, or -1. */
    private static int closing(String text, int at, char close) {
        for (int i = at; i < text.length(); i++) {
            char c = text.charAt(i);
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

    private static String inline(String markdown) {
        var text = IMAGE.matcher(markdown).replaceAll("$1");
        text = LINK.matcher(text).replaceAll("$1");
        text = AUTOLINK.matcher(text).replaceAll("$1");
        text = HTML_TAG.matcher(text).replaceAll(" ");
        text = EMPHASIS.matcher(text).replaceAll("");
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static String truncated(String text, int words) {
        var parts = WHITESPACE.split(text);
        if (parts.length <= words) {
            return text;
        }
        return String.join(" ", java.util.Arrays.copyOf(parts, words)) + "…";
    }
}
