package dev.kiln.handlers;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import dev.kiln.effects.RenderedMarkdown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the Markdown of a typical page straight from its text, without flexmark's parse: the
 * same HTML, headings and links {@link MarkdownHandler} makes with flexmark, for a page written
 * only in a plain subset of Markdown. Parsing was a quarter of a full build, most of it flexmark's
 * block trackers and based sequences.
 *
 * <p>The subset: blocks separated by blank lines; ATX headings; paragraphs; fenced code; quotes of
 * paragraphs; one-line items of bullet or numbered lists; tables with a leading pipe. Inline:
 * text, {@code *em*} and {@code **strong**} around plain words, code spans, and links and images
 * to plain addresses. Anything else, or anything near the edge of a rule (a line starting with a
 * blank, a tab outside fenced code, a backslash, an entity, an HTML tag, an underscore, a possible autolink, a list
 * item followed by a lazy line), makes {@link #render} answer {@code null} and the page goes to
 * flexmark. Being strict costs a page flexmark's time, never a different output.
 */
final class DirectMarkdown {
    /** flexmark's defaults for heading ids, as kiln's options leave them. */
    private static final String TO_DASH = HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS.get(null);
    private static final String NON_DASH = HtmlRenderer.HEADER_ID_GENERATOR_NON_DASH_CHARS.get(null);
    private static final boolean NO_DUPED_DASHES = HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES.get(null);
    private static final boolean NON_ASCII_TO_LOWERCASE = HtmlRenderer.HEADER_ID_GENERATOR_NON_ASCII_TO_LOWERCASE.get(null);

    private final String[] lines;
    private final StringBuilder out;
    private final List<RenderedMarkdown.Heading> headings = new ArrayList<>();
    private final List<RenderedMarkdown.Link> links = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    /** The 1-based line the inline text being written starts on. */
    private int line;

    private DirectMarkdown(String markdown) {
        this.lines = markdown.split("\n", -1);
        this.out = new StringBuilder(markdown.length() + markdown.length() / 2 + 64);
    }

    /** Answers the rendered page, or {@code null} when its Markdown leaves the subset this class writes. */
    static RenderedMarkdown render(String markdown) {
        // Line ends and NULs flexmark normalises; admonition fences kiln rewrites; reference
        // definitions can change any bracket of the page. Tabs, which flexmark expands to columns,
        // are let through only inside fenced code, which keeps them as they are.
        if (markdown.indexOf('\r') >= 0 || markdown.indexOf('\0') >= 0
                || markdown.contains(":::") || markdown.contains("]:")) {
            return null;
        }
        var direct = new DirectMarkdown(markdown);
        try {
            direct.blocks();
        } catch (Unsupported e) {
            return null;
        }
        return new RenderedMarkdown(direct.out.toString(), direct.headings, direct.links);
    }

    private void blocks() {
        int count = lines.length;
        for (int at = 0; at < count; ) {
            var text = lines[at];
            if (text.isBlank()) {
                at++;
                continue;
            }
            char first = text.charAt(0);
            at = switch (first) {
                case '#' -> heading(at);
                case '`' -> text.startsWith("```") ? fencedCode(at) : paragraph(at);
                case '~' -> text.startsWith("~~~") ? fencedCode(at) : unsupported();
                case '>' -> quote(at);
                case '|' -> table(at);
                case '-', '+' -> list(at);
                case '*' -> listMarker(text) > 0 ? list(at) : paragraph(at);
                default -> first >= '0' && first <= '9' && listMarker(text) > 0 ? list(at) : paragraph(at);
            };
        }
    }

    private static int unsupported() {
        throw Unsupported.INSTANCE;
    }

    // ---- blocks ----

    /** An ATX heading on one line: its level's hashes, one space, the text. */
    private int heading(int at) {
        var text = lines[at];
        int level = 0;
        while (level < text.length() && text.charAt(level) == '#') {
            level++;
        }
        if (level > 6 || level + 1 >= text.length() || text.charAt(level) != ' ' || text.charAt(level + 1) == ' '
                || text.endsWith(" ") || text.endsWith("#")) {
            return unsupported();
        }
        var content = text.substring(level + 1);
        line = at + 1;
        int start = out.length();
        out.append("<h").append(level).append(" id=\"");
        int idAt = out.length();
        out.append("\">");
        var plain = new StringBuilder();
        inline(content, plain, false);
        out.append("</h").append(level).append(">\n");
        var headingText = plain.toString();
        var id = id(headingText);
        if (id.isEmpty()) {
            out.setLength(start);
            return unsupported();
        }
        out.insert(idAt, AttributeValues.escaped(id));
        headings.add(new RenderedMarkdown.Heading(level, headingText, id));
        return at + 1;
    }

    /** The id flexmark gives a heading with this text: its own function, a repeated id numbered. */
    private String id(String text) {
        var base = HeaderIdGenerator.generateId(text, TO_DASH, NON_DASH, NO_DUPED_DASHES, NON_ASCII_TO_LOWERCASE);
        var seen = ids.get(base);
        if (seen == null) {
            ids.put(base, 0);
            return base;
        }
        ids.put(base, seen + 1);
        return base + "-" + (seen + 1);
    }

    /** A paragraph of the page: lines up to a blank one, none of which could start or interrupt a block. */
    private int paragraph(int at) {
        return paragraph(lines, at, at + 1);
    }

    /** A paragraph of {@code source} (the page's lines, or a quote's) from {@code at}, which is the page's line {@code firstLine}. */
    private int paragraph(String[] source, int at, int firstLine) {
        int end = at;
        while (end < source.length && !source[end].isBlank()) {
            end++;
        }
        line = firstLine;
        out.append("<p>");
        inline(joined(source, at, end), null, true);
        out.append("</p>\n");
        return end;
    }

    /** A paragraph's lines, checked, joined by line ends. */
    private static String joined(String[] lines, int from, int to) {
        if (to - from == 1) {
            return checkedLine(lines[from], 0, true);
        }
        var text = new StringBuilder();
        for (int at = from; at < to; at++) {
            if (at > from) {
                text.append('\n');
            }
            text.append(checkedLine(lines[at], 0, at == from));
        }
        return text.toString();
    }

    /**
     * A paragraph's line, from {@code strip}: never ending in a blank (a hard break, or trimmed),
     * and, after its first line, never starting with what could start a block or a table row.
     */
    private static String checkedLine(String text, int strip, boolean first) {
        var content = text.substring(strip);
        if (content.isEmpty() || content.endsWith(" ") || content.indexOf('|') >= 0) {
            throw Unsupported.INSTANCE;
        }
        char c = content.charAt(0);
        boolean plainStart = switch (c) {
            case ' ', '\t', '#', '>', '-', '+', '=', '_', '~', '<', ':', '|' -> false;
            case '*' -> first && listMarker(content) == 0 && !thematicBreak(content);
            case '`' -> first && !content.startsWith("```");
            case '[', '!' -> first;
            default -> !(c >= '0' && c <= '9') || first && listMarker(content) == 0 || !first && !digitsThenMarker(content);
        };
        if (!plainStart) {
            throw Unsupported.INSTANCE;
        }
        return content;
    }

    private static boolean digitsThenMarker(String text) {
        int at = 0;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == ')');
    }

    private static boolean thematicBreak(String text) {
        for (int at = 0; at < text.length(); at++) {
            if (text.charAt(at) != text.charAt(0) && text.charAt(at) != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Fenced code at the left margin, closed by a fence of the same character at least as long. */
    private int fencedCode(int at) {
        var opening = lines[at];
        if (opening.indexOf('\t') >= 0) {
            return unsupported();
        }
        char fence = opening.charAt(0);
        int length = 0;
        while (length < opening.length() && opening.charAt(length) == fence) {
            length++;
        }
        var info = opening.substring(length).strip();
        if (fence == '`' && info.indexOf('`') >= 0 || info.indexOf('\\') >= 0 || info.indexOf('&') >= 0) {
            return unsupported();
        }
        var language = info.isEmpty() ? null : info.split(" ", 2)[0];
        var code = new StringBuilder();
        for (int next = at + 1; next < lines.length; next++) {
            var text = lines[next];
            var stripped = text.stripLeading();
            if (stripped.length() >= 3 && stripped.charAt(0) == fence && stripped.charAt(1) == fence && stripped.charAt(2) == fence) {
                int closing = 0;
                while (closing < text.length() && text.charAt(closing) == fence) {
                    closing++;
                }
                // Only a fence at the margin, at least as long and with nothing after it, closes.
                if (closing < length || !text.substring(closing).isBlank() || code.isEmpty()) {
                    return unsupported();
                }
                out.append("<pre><code");
                if (language != null) {
                    out.append(" class=\"language-").append(AttributeValues.escaped(language)).append('"');
                }
                out.append('>');
                TextRenderer.appendEscaped(out, code.toString(), 0, code.length());
                out.append("</code></pre>\n");
                return next + 1;
            }
            code.append(text).append('\n');
        }
        return unsupported();
    }

    /**
     * A quote of paragraphs: every line {@code "> text"} (never ending in a blank) or a lone
     * {@code ">"}, then a blank line or the end.
     */
    private int quote(int at) {
        int end = at;
        while (end < lines.length && lines[end].startsWith(">")) {
            var text = lines[end];
            if (text.length() > 1 && (text.charAt(1) != ' ' || text.endsWith(" "))) {
                return unsupported();
            }
            end++;
        }
        if (end < lines.length && !lines[end].isBlank()) {
            return unsupported();
        }
        out.append("<blockquote>\n");
        var inner = new String[end - at];
        for (int i = at; i < end; i++) {
            inner[i - at] = lines[i].length() == 1 ? "" : lines[i].substring(2);
        }
        boolean any = false;
        for (int i = 0; i < inner.length; ) {
            if (inner[i].isEmpty()) {
                i++;
                continue;
            }
            i = paragraph(inner, i, at + i + 1);
            any = true;
        }
        if (!any) {
            return unsupported();
        }
        out.append("</blockquote>\n");
        return end;
    }

    /**
     * Answers the length of the list marker with its space starting the line ({@code "- "},
     * {@code "12. "}), 0 if none does.
     */
    private static int listMarker(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        char c = text.charAt(0);
        if (c == '-' || c == '+' || c == '*') {
            return text.length() > 1 && text.charAt(1) == ' ' ? 2 : 0;
        }
        int at = 0;
        while (at < text.length() && at < 10 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at == 0 || at > 9 || at + 1 >= text.length() || (text.charAt(at) != '.' && text.charAt(at) != ')')
                || text.charAt(at + 1) != ' ') {
            return 0;
        }
        return at + 2;
    }

    /** A tight list of one-line items sharing one marker (a bullet, or numbers with one delimiter). */
    private int list(int at) {
        var first = lines[at];
        int marker = listMarker(first);
        if (marker == 0) {
            return unsupported();
        }
        boolean ordered = marker > 2 || first.charAt(0) >= '0' && first.charAt(0) <= '9';
        char kind = ordered ? first.charAt(marker - 2) : first.charAt(0);
        int end = at;
        while (end < lines.length && !lines[end].isBlank()) {
            if (!sameList(lines[end], ordered, kind)) {
                return unsupported();
            }
            end++;
        }
        // An item after a blank line would make the list loose.
        int next = end;
        while (next < lines.length && lines[next].isBlank()) {
            next++;
        }
        if (next < lines.length && next > end && sameList(lines[next], ordered, kind)) {
            return unsupported();
        }
        if (ordered) {
            int start = Integer.parseInt(first.substring(0, marker - 2));
            out.append(start == 1 ? "<ol>\n" : "<ol start=\"" + start + "\">\n");
        } else {
            out.append("<ul>\n");
        }
        for (int item = at; item < end; item++) {
            var text = lines[item];
            int width = listMarker(text);
            var content = checkedLine(text, width, true);
            if (content.startsWith("[ ]") || content.startsWith("[x]") || content.startsWith("[X]")) {
                return unsupported();
            }
            line = item + 1;
            out.append("<li>");
            inline(content, null, true);
            out.append("</li>\n");
        }
        out.append(ordered ? "</ol>\n" : "</ul>\n");
        return end;
    }

    private static boolean sameList(String text, boolean ordered, char kind) {
        int marker = listMarker(text);
        if (marker == 0) {
            return false;
        }
        return ordered ? text.charAt(marker - 2) == kind && text.charAt(0) >= '0' && text.charAt(0) <= '9'
                : text.charAt(0) == kind;
    }

    /** A table: a header row, a separator row, body rows, each line starting with a pipe. */
    private int table(int at) {
        if (at + 1 >= lines.length) {
            return unsupported();
        }
        var header = cells(lines[at]);
        var separator = cells(lines[at + 1]);
        if (header.size() != separator.size()) {
            return unsupported();
        }
        var alignments = new String[separator.size()];
        for (int i = 0; i < alignments.length; i++) {
            alignments[i] = alignment(separator.get(i));
        }
        int end = at + 2;
        while (end < lines.length && !lines[end].isBlank()) {
            if (lines[end].charAt(0) != '|') {
                return unsupported();
            }
            end++;
        }
        if (end == at + 2) {
            return unsupported();
        }
        out.append("<table>\n<thead>\n");
        line = at + 1;
        row(header, alignments, "th");
        out.append("</thead>\n<tbody>\n");
        for (int row = at + 2; row < end; row++) {
            line = row + 1;
            row(cells(lines[row]), alignments, "td");
        }
        out.append("</tbody>\n</table>\n");
        return end;
    }

    private void row(List<String> cells, String[] alignments, String tag) {
        out.append("<tr>");
        for (int i = 0; i < alignments.length; i++) {
            out.append('<').append(tag);
            if (alignments[i] != null) {
                out.append(" align=\"").append(alignments[i]).append('"');
            }
            out.append('>');
            if (i < cells.size()) {
                inline(cells.get(i), null, false);
            }
            out.append("</").append(tag).append('>');
        }
        out.append("</tr>\n");
    }

    /** A row's cells, trimmed: between its pipes, the last pipe optional. */
    private static List<String> cells(String text) {
        if (text.isEmpty() || text.charAt(0) != '|' || text.endsWith(" ") || text.indexOf('\\') >= 0 || text.indexOf('\t') >= 0) {
            throw Unsupported.INSTANCE;
        }
        var cells = new ArrayList<String>();
        int from = 1;
        int end = text.endsWith("|") && text.length() > 1 ? text.length() - 1 : text.length();
        while (from <= end) {
            int pipe = text.indexOf('|', from);
            int to = pipe < 0 || pipe > end ? end : pipe;
            var cell = text.substring(from, to).strip();
            // A pipe inside a code span is flexmark's own case; an empty cell keeps a blank in flexmark.
            if (cell.isEmpty() || backticks(cell) % 2 != 0) {
                throw Unsupported.INSTANCE;
            }
            cells.add(cell);
            from = to + 1;
        }
        return cells;
    }

    private static int backticks(String text) {
        int count = 0;
        for (int at = text.indexOf('`'); at >= 0; at = text.indexOf('`', at + 1)) {
            count++;
        }
        return count;
    }

    /** The alignment a separator cell gives its column ({@code :--}, {@code :-:}, {@code --:}), null for none. */
    private static String alignment(String cell) {
        int length = cell.length();
        boolean left = length > 0 && cell.charAt(0) == ':';
        boolean right = length > 1 && cell.charAt(length - 1) == ':';
        int dashes = 0;
        for (int at = left ? 1 : 0; at < (right ? length - 1 : length); at++) {
            if (cell.charAt(at) != '-') {
                throw Unsupported.INSTANCE;
            }
            dashes++;
        }
        if (dashes == 0) {
            throw Unsupported.INSTANCE;
        }
        return left && right ? "center" : left ? "left" : right ? "right" : null;
    }

    // ---- inline ----

    /**
     * Writes inline Markdown: text, emphasis around plain text, code spans, links and images;
     * {@code plain}, when given, gathers the text flexmark collects from a heading.
     */
    private void inline(String text, StringBuilder plain, boolean lineBreaks) {
        int length = text.length();
        int from = 0;
        for (int at = 0; at < length; ) {
            char c = text.charAt(at);
            if (isPlain(c)) {
                at++;
                continue;
            }
            switch (c) {
                case '*' -> {
                    from = flush(text, from, at, plain);
                    at = from = emphasis(text, at, plain);
                }
                case '`' -> {
                    from = flush(text, from, at, plain);
                    at = from = codeSpan(text, at, plain);
                }
                case '[' -> {
                    from = flush(text, from, at, plain);
                    at = from = link(text, at, plain);
                }
                case '!' -> {
                    if (at + 1 < length && text.charAt(at + 1) == '[') {
                        if (plain != null) {
                            throw Unsupported.INSTANCE;
                        }
                        from = flush(text, from, at, null);
                        at = from = image(text, at);
                    } else {
                        at++;
                    }
                }
                case '\n' -> {
                    if (!lineBreaks) {
                        throw Unsupported.INSTANCE;
                    }
                    from = flush(text, from, at, plain);
                    out.append('\n');
                    line++;
                    at = from = at + 1;
                }
                default -> {
                    plainChar(text, at);
                    at++;
                }
            }
        }
        flush(text, from, length, plain);
    }

    /** The ASCII characters that are text wherever they are in inline Markdown. */
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        for (char c = ' '; c < 0x7f; c++) {
            PLAIN[c] = "*`[!\\&<_~]@|^:wW".indexOf(c) < 0;
        }
    }

    /** Answers whether the character is text wherever it is (all but ASCII controls and markup are). */
    private static boolean isPlain(char c) {
        return c >= 0x80 || PLAIN[c];
    }

    /** Fails on a character that would make the text more than text: escapes, entities, HTML, autolinks. */
    private static void plainChar(String text, int at) {
        switch (text.charAt(at)) {
            case '\\', '&', '<', '_', '~', ']', '@', '|', '^', '\t' -> throw Unsupported.INSTANCE;
            case ':' -> {
                if (text.startsWith("//", at + 1)) {
                    throw Unsupported.INSTANCE;
                }
            }
            case 'w', 'W' -> {
                if (text.regionMatches(true, at, "www", 0, 3)) {
                    throw Unsupported.INSTANCE;
                }
            }
            default -> {
            }
        }
    }

    /** Writes the text from {@code from} to {@code to}, escaped; answers {@code to}. */
    private int flush(String text, int from, int to, StringBuilder plain) {
        if (from < to) {
            TextRenderer.appendEscaped(out, text, from, to);
            if (plain != null) {
                plain.append(text, from, to);
            }
        }
        return to;
    }

    /** Checks that {@code text} from {@code from} to {@code to} is plain text on one line, not blank at either end. */
    private static void checkPlain(String text, int from, int to) {
        if (from >= to || text.charAt(from) == ' ' || text.charAt(to - 1) == ' ') {
            throw Unsupported.INSTANCE;
        }
        for (int at = from; at < to; at++) {
            char c = text.charAt(at);
            if (isPlain(c)) {
                continue;
            }
            switch (c) {
                case '*', '`', '[', '!', '\n' -> throw Unsupported.INSTANCE;
                default -> plainChar(text, at);
            }
        }
    }

    /** {@code *text*} or {@code **text**}: opened after a blank, a parenthesis or the start, closed before a blank, the end or punctuation. */
    private int emphasis(String text, int at, StringBuilder plain) {
        int run = 1;
        while (at + run < text.length() && text.charAt(at + run) == '*') {
            run++;
        }
        if (run > 2 || at > 0 && " \n(".indexOf(text.charAt(at - 1)) < 0) {
            throw Unsupported.INSTANCE;
        }
        int from = at + run;
        int close = text.indexOf('*', from);
        if (close < 0) {
            throw Unsupported.INSTANCE;
        }
        int after = close + run;
        if (after > text.length() || !text.startsWith(run == 1 ? "*" : "**", close)) {
            throw Unsupported.INSTANCE;
        }
        if (after < text.length()) {
            char next = text.charAt(after);
            if (next != ' ' && next != '\n' && ".,;:!?)".indexOf(next) < 0) {
                throw Unsupported.INSTANCE;
            }
        }
        checkPlain(text, from, close);
        var tag = run == 1 ? "em" : "strong";
        out.append('<').append(tag).append('>');
        flush(text, from, close, plain);
        out.append("</").append(tag).append('>');
        return after;
    }

    /** A code span of one backtick around text with no blank at either end and no double blank. */
    private int codeSpan(String text, int at, StringBuilder plain) {
        if (at + 1 < text.length() && text.charAt(at + 1) == '`') {
            throw Unsupported.INSTANCE;
        }
        int close = text.indexOf('`', at + 1);
        if (close < 0 || close == at + 1 || close + 1 < text.length() && text.charAt(close + 1) == '`') {
            throw Unsupported.INSTANCE;
        }
        var code = text.substring(at + 1, close);
        if (code.startsWith(" ") || code.endsWith(" ") || code.contains("  ") || code.indexOf('\n') >= 0
                || code.indexOf('\t') >= 0) {
            throw Unsupported.INSTANCE;
        }
        out.append("<code>");
        TextRenderer.appendEscaped(out, text, at + 1, close);
        out.append("</code>");
        if (plain != null) {
            plain.append(code);
        }
        return close + 1;
    }

    /** {@code [text](address)}: plain text, an address of plain URL characters. */
    private int link(String text, int at, StringBuilder plain) {
        int close = text.indexOf(']', at + 1);
        if (close < 0) {
            throw Unsupported.INSTANCE;
        }
        checkPlain(text, at + 1, close);
        var address = address(text, close + 1);
        links.add(new RenderedMarkdown.Link(address, line));
        out.append("<a href=\"").append(address).append("\">");
        flush(text, at + 1, close, plain);
        out.append("</a>");
        return close + 3 + address.length();
    }

    /** {@code ![alt](address)}: plain alt text. */
    private int image(String text, int at) {
        int close = text.indexOf(']', at + 2);
        if (close < 0) {
            throw Unsupported.INSTANCE;
        }
        checkPlain(text, at + 2, close);
        var address = address(text, close + 1);
        out.append("<img src=\"").append(address).append("\" alt=\"");
        TextRenderer.appendEscaped(out, text, at + 2, close);
        out.append("\" />");
        return close + 3 + address.length();
    }

    /** The address in {@code (address)} at {@code at}: letters, digits and the URL characters that need no escaping. */
    private static String address(String text, int at) {
        if (at >= text.length() || text.charAt(at) != '(') {
            throw Unsupported.INSTANCE;
        }
        int end = at + 1;
        while (end < text.length() && text.charAt(end) != ')') {
            char c = text.charAt(end);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~:/?#@!$+,;=%".indexOf(c) >= 0;
            if (!allowed) {
                throw Unsupported.INSTANCE;
            }
            end++;
        }
        if (end >= text.length() || end == at + 1) {
            throw Unsupported.INSTANCE;
        }
        return text.substring(at + 1, end);
    }
}
