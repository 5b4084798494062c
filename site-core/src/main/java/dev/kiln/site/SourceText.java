package dev.kiln.site;

import java.util.Map;

/**
 * A content file split into its front matter and its Markdown body.
 *
 * @param frontMatter the front matter's values; empty where there is none
 * @param frontMatterText the front matter as written, for pointing at lines
 * @param body the Markdown after the front matter
 */
record SourceText(Map<String, Object> frontMatter, String frontMatterText, String body) {
    private static final String FENCE = "---";
    private static final java.util.regex.Pattern TOP_LEVEL_KEY =
            java.util.regex.Pattern.compile("^([^\\s#:'\"-][^:]*):(\\s|$)");

    /** Splits a content file; front matter is YAML between a first line of {@code ---} and the next. */
    static SourceText parse(String file, String text) {
        var content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!firstLineIs(content, FENCE)) {
            return new SourceText(Map.of(), "", content);
        }
        int start = content.indexOf('\n') + 1;
        int at = start;
        while (at < content.length()) {
            int end = content.indexOf('\n', at);
            var line = (end < 0 ? content.substring(at) : content.substring(at, end)).stripTrailing();
            if (line.equals(FENCE) || line.equals("...")) {
                var yaml = content.substring(start, at);
                var body = end < 0 ? "" : content.substring(end + 1);
                // The YAML starts on the file's second line.
                return new SourceText(YamlText.parseMapping(yaml, file, 2), yaml, body);
            }
            if (end < 0) {
                break;
            }
            at = end + 1;
        }
        throw new SiteException(file, 1, "front matter opened with '---' is never closed with a '---' line");
    }

    private static boolean firstLineIs(String text, String expected) {
        int end = text.indexOf('\n');
        var first = end < 0 ? text : text.substring(0, end);
        return first.stripTrailing().equals(expected);
    }

    /** Answers the 1-based line of the file where a front matter key is set, or 0. */
    int lineOf(String key) {
        return keyLines().getOrDefault(key, 0);
    }

    /** Answers the 1-based line of the file where each top-level front matter key is set. */
    Map<String, Integer> keyLines() {
        var lines = new java.util.HashMap<String, Integer>();
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
}
