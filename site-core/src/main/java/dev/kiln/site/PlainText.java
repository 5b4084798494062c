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
        for (var block : BLANK_LINES.split(body.strip())) {
            var text = block.strip();
            if (isProse(text)) {
                return truncated(inline(text), SUMMARY_WORDS);
            }
        }
        return "";
    }

    /** Answers how many words a Markdown body holds, its code included. */
    static int wordCount(String body) {
        var text = inline(body.replaceAll("(?m)^\\s*(```|~~~).*$", "").replaceAll("(?m)^\\s*[#>|-]+\\s?", " "));
        return text.isEmpty() ? 0 : WHITESPACE.split(text).length;
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
