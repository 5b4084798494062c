package dev.kiln.effects;

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
        if (path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0
                || (path.length() > 1 && path.charAt(1) == ':')) {
            throw new IllegalArgumentException(what + " '" + path + "' must be a relative path with forward slashes");
        }
        // One scan, segment by segment (stores hold tens of thousands of paths, each checked when read).
        int start = 0;
        int length = path.length();
        for (int at = 0; at <= length; at++) {
            if (at == length || path.charAt(at) == '/') {
                int segment = at - start;
                if (segment == 0 || (path.charAt(start) == '.' && (segment == 1 || (segment == 2 && path.charAt(start + 1) == '.')))) {
                    throw new IllegalArgumentException(
                            what + " '" + path + "' may not hold an empty, '.' or '..' segment: it must stay inside its folder");
                }
                start = at + 1;
            }
        }
        return path;
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
