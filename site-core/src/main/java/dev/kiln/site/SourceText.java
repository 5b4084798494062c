package dev.kiln.site;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A content file split into its front matter and its Markdown body.
 *
 * @param frontMatter the front matter's values; empty where there is none
 * @param frontMatterText the front matter as written, for pointing at lines
 * @param body the Markdown after the front matter
 */
record SourceText(Map<String, Object> frontMatter, String frontMatterText, String body) {
    private static final String FENCE = "---";
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([^\\s#:'\"-][^:]*):(\\s|$)");

    /** Splits a content file; front matter is YAML between a first line of {@code ---} and the next. */
    static SourceText parse(String file, String text) {
        var content = withoutByteOrderMark(text);
        var fence = Fence.of(content);
        if (fence == null) {
            return new SourceText(Map.of(), "", content);
        }
        if (fence.yamlEnd() < 0) {
            throw new SiteException(file, 1, "front matter opened with '---' is never closed with a '---' line");
        }
        var yaml = content.substring(fence.yamlStart(), fence.yamlEnd());
        // The YAML starts on the file's second line.
        return new SourceText(YamlText.parseMapping(yaml, file, 2), yaml, content.substring(fence.bodyStart()));
    }

    /**
     * Answers the Markdown body of a content file that has been parsed before: the front matter is
     * skipped, not parsed again.
     */
    static String bodyOf(String text) {
        return bodyWithLine(text).markdown();
    }

    /** Answers the Markdown body of a content file with the 1-based line of the file it starts on. */
    static Body bodyWithLine(String text) {
        var content = withoutByteOrderMark(text);
        var fence = Fence.of(content);
        if (fence == null) {
            return new Body(content, 1);
        }
        if (fence.yamlEnd() < 0) {
            return new Body("", 1);
        }
        int line = 1;
        for (int i = 0; i < fence.bodyStart(); i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return new Body(content.substring(fence.bodyStart()), line);
    }

    /**
     * The Markdown of a content file.
     *
     * @param markdown the body after the front matter
     * @param firstLine the 1-based line of the file where it starts
     */
    record Body(String markdown, int firstLine) {
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Answers this text with values its own front matter does not set taken from {@code defaults}. */
    SourceText withDefaults(Map<String, Object> defaults) {
        var merged = new java.util.LinkedHashMap<String, Object>(frontMatter);
        defaults.forEach(merged::putIfAbsent);
        return new SourceText(OrderedMaps.frozen(merged), frontMatterText, body);
    }

    /** Answers the 1-based line of the file where a front matter key is set, or 0. */
    int lineOf(String key) {
        return keyLines().getOrDefault(key, 0);
    }

    /** Answers the 1-based line of the file where each top-level front matter key is set. */
    Map<String, Integer> keyLines() {
        var lines = new HashMap<String, Integer>();
        var all = frontMatterText.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            var matcher = TOP_LEVEL_KEY.matcher(all[i]);
            if (matcher.find()) {
                // The front matter starts on the file's second line.
                lines.putIfAbsent(matcher.group(1).strip(), i + 2);
            }
        }
        return lines;
    }

    /**
     * Where the front matter lies in a file that opens with {@code ---}.
     *
     * @param yamlStart where the YAML starts
     * @param yamlEnd where the closing line starts, or -1 if there is none
     * @param bodyStart where the body starts
     */
    private record Fence(int yamlStart, int yamlEnd, int bodyStart) {
        static Fence of(String content) {
            int firstEnd = content.indexOf('\n');
            var first = firstEnd < 0 ? content : content.substring(0, firstEnd);
            if (!first.stripTrailing().equals(FENCE) || firstEnd < 0) {
                return first.stripTrailing().equals(FENCE) ? new Fence(content.length(), -1, content.length()) : null;
            }
            int at = firstEnd + 1;
            while (at < content.length()) {
                int end = content.indexOf('\n', at);
                var line = (end < 0 ? content.substring(at) : content.substring(at, end)).stripTrailing();
                if (line.equals(FENCE) || line.equals("...")) {
                    return new Fence(firstEnd + 1, at, end < 0 ? content.length() : end + 1);
                }
                if (end < 0) {
                    break;
                }
                at = end + 1;
            }
            return new Fence(firstEnd + 1, -1, content.length());
        }
    }
}
