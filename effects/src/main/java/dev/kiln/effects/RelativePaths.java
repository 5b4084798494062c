package dev.kiln.effects;

import java.nio.charset.StandardCharsets;

/** The rules shared by {@link SitePath} and {@link OutputPath}: a path that cannot leave its folder. */
final class RelativePaths {
    private RelativePaths() {
    }

    /**
     * Checks a relative path written with forward slashes and answers it unchanged. Refused: an
     * absolute path, a drive letter, a backslash, a NUL, an empty segment, and any {@code .} or
     * {@code ..} segment, so that a path can never name anything outside its root folder.
     */
    static String check(String path, String what) {
        if (path == null) {
            throw new NullPointerException(what + " is null");
        }
        if (path.isEmpty()) {
            return path;
        }
        // One scan over the path's Latin-1 bytes (a copy of the string's own for almost every
        // path): every character the rules name is ASCII, and any other becomes '?'. Stores hold
        // tens of thousands of paths, each checked when read, most before the JIT compiled this.
        var chars = path.getBytes(StandardCharsets.ISO_8859_1);
        if (chars[0] == '/' || (chars.length > 1 && chars[1] == ':')) {
            throw notRelative(path, what);
        }
        int start = 0;
        for (int at = 0; at <= chars.length; at++) {
            byte c = at == chars.length ? (byte) '/' : chars[at];
            if (c == '\\' || c == 0) {
                throw notRelative(path, what);
            }
            if (c == '/') {
                int segment = at - start;
                if (segment == 0 || (chars[start] == '.' && (segment == 1 || (segment == 2 && chars[start + 1] == '.')))) {
                    throw new IllegalArgumentException(
                            what + " '" + path + "' may not hold an empty, '.' or '..' segment: it must stay inside its folder");
                }
                start = at + 1;
            }
        }
        return path;
    }

    private static IllegalArgumentException notRelative(String path, String what) {
        return new IllegalArgumentException(what + " '" + path + "' must be a relative path with forward slashes");
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    static String resolve(String base, String relative) {
        return base.isEmpty() ? relative : relative.isEmpty() ? base : base + "/" + relative;
    }
}
