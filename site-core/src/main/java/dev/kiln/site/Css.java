package dev.kiln.site;

/**
 * A cautious CSS minifier: drops comments, turns each run of whitespace into one space, drops the
 * space next to braces, semicolons and commas and the last semicolon of a block. Strings are kept
 * as written, and so is every other space (a space before a colon can matter in a selector, and
 * spaces inside {@code calc(1px + 2px)} do).
 */
final class Css {
    private static final String TIGHT = "{};,";

    private Css() {
    }

    static String minified(String css) {
        var out = new StringBuilder(css.length());
        int length = css.length();
        boolean pendingSpace = false;
        for (int at = 0; at < length; at++) {
            char c = css.charAt(at);
            if (c == '/' && at + 1 < length && css.charAt(at + 1) == '*') {
                int end = css.indexOf("*/", at + 2);
                // A comment keeps apart what it separated.
                pendingSpace = true;
                at = end < 0 ? length : end + 1;
                continue;
            }
            if (Character.isWhitespace(c)) {
                pendingSpace = true;
                continue;
            }
            boolean tight = TIGHT.indexOf(c) >= 0;
            if (pendingSpace && !tight && !out.isEmpty() && TIGHT.indexOf(out.charAt(out.length() - 1)) < 0) {
                out.append(' ');
            }
            pendingSpace = false;
            if (c == '"' || c == '\'') {
                int end = at + 1;
                while (end < length && css.charAt(end) != c) {
                    end += css.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(css, at, Math.min(length, end + 1));
                at = end;
                continue;
            }
            if (c == '}' && !out.isEmpty() && out.charAt(out.length() - 1) == ';') {
                out.setLength(out.length() - 1);
            }
            out.append(c);
        }
        return out.toString();
    }
}
