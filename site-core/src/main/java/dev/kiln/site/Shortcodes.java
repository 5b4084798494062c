package dev.kiln.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shortcodes: calls of a template from Markdown, Hugo's way. {@code {{< figure src="a.png"
 * caption="A" >}}} renders {@code layouts/shortcodes/figure.hbs} with {@code src} and
 * {@code caption}; a paired call {@code {{< note >}}text{{< /note >}}} passes the text between as
 * {@code inner}; a call written with a comment inside ({@code {{</}{@code * figure *}{@code />}}}) is
 * written as the call itself, for documentation.
 *
 * <p>Before the Markdown is rendered each call is replaced by a placeholder word, which is replaced
 * by the template's HTML afterwards, so the HTML is never read as Markdown.
 */
final class Shortcodes {
    static final String FOLDER = "shortcodes/";
    private static final String OPEN = "{{<";
    private static final String CLOSE = ">}}";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][\\w-]*");
    private static final Pattern ARGUMENT = Pattern.compile(
            "\\s*(?:([A-Za-z_][\\w-]*)\\s*=\\s*)?(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|([^\\s\"'=]+))");

    private Shortcodes() {
    }

    /**
     * One call.
     *
     * @param name the shortcode's name (its template is {@code shortcodes/<name>})
     * @param arguments named arguments, and positional ones named {@code _0}, {@code _1}...
     * @param inner the text between a paired call's tags, else empty
     * @param line the 1-based line of the content file it is on
     * @param placeholder the word standing for it in the Markdown
     */
    record Call(String name, Map<String, String> arguments, String inner, int line, String placeholder) {
    }

    /**
     * Markdown with its calls replaced by placeholders.
     *
     * @param markdown the Markdown to render
     * @param calls the calls, in order
     */
    record Prepared(String markdown, List<Call> calls) {
    }

    /** Finds the calls in a body; a call never closed is a problem naming its line. */
    static Prepared prepare(String file, SourceText.Body body) {
        var text = body.markdown();
        if (!text.contains(OPEN)) {
            return new Prepared(text, List.of());
        }
        var out = new StringBuilder(text.length());
        var calls = new ArrayList<Call>();
        int at = 0;
        // Lines are counted on from the last call, not from the top for each one.
        int line = body.firstLine();
        int counted = 0;
        while (true) {
            int start = text.indexOf(OPEN, at);
            if (start < 0) {
                out.append(text, at, text.length());
                break;
            }
            out.append(text, at, start);
            line += count(text, counted, start);
            counted = start;
            if (text.startsWith("/*", start + OPEN.length())) {
                int end = text.indexOf("*/" + CLOSE, start);
                if (end < 0) {
                    throw new SiteException(file, line, "shortcode comment opened with {{</* is never closed with */>}}");
                }
                out.append(OPEN).append(text, start + OPEN.length() + 2, end).append(CLOSE);
                at = end + 2 + CLOSE.length();
                continue;
            }
            int end = text.indexOf(CLOSE, start);
            if (end < 0) {
                throw new SiteException(file, line, "shortcode opened with {{< is never closed with >}}");
            }
            var call = text.substring(start + OPEN.length(), end).strip();
            var name = NAME.matcher(call);
            if (!name.lookingAt()) {
                throw new SiteException(file, line, "'{{< " + call + " >}}' does not start with a shortcode's name");
            }
            var arguments = arguments(call.substring(name.end()), file, line);
            at = end + CLOSE.length();
            var inner = "";
            var closing = Pattern.compile("\\{\\{<\\s*/" + Pattern.quote(name.group()) + "\\s*>}}")
                    .matcher(text);
            if (closing.find(at)) {
                inner = text.substring(at, closing.start()).strip();
                at = closing.end();
            }
            var placeholder = "KILNSHORTCODE" + calls.size() + "X";
            calls.add(new Call(name.group(), arguments, inner, line, placeholder));
            out.append(placeholder);
        }
        return new Prepared(out.toString(), List.copyOf(calls));
    }

    private static Map<String, String> arguments(String text, String file, int line) {
        var arguments = new LinkedHashMap<String, String>();
        var matcher = ARGUMENT.matcher(text);
        int at = 0;
        int position = 0;
        while (at < text.length() && !text.substring(at).isBlank()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw new SiteException(file, line, "cannot read the shortcode's arguments '" + text.strip()
                        + "': write them as name=\"value\"");
            }
            var value = matcher.group(2) != null ? matcher.group(2).replaceAll("\\\\(.)", "$1")
                    : matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
            arguments.put(matcher.group(1) != null ? matcher.group(1) : "_" + position++, value);
            at = matcher.end();
        }
        return arguments;
    }

    /** Puts each call's HTML where its placeholder is; a placeholder alone in a paragraph takes it. */
    static String fill(String html, List<Call> calls, List<String> rendered) {
        var filled = html;
        for (int i = calls.size() - 1; i >= 0; i--) {
            var placeholder = calls.get(i).placeholder();
            filled = filled.replace("<p>" + placeholder + "</p>", rendered.get(i)).replace(placeholder, rendered.get(i));
        }
        return filled;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
