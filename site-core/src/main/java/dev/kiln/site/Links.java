package dev.kiln.site;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links between pages written as paths of source files ({@code [install](../guide/install.md#run)})
 * checked and rewritten to the target page's URL ({@code /guide/install/#run}). A link to a source
 * file that is no page, or to an anchor the target has no heading for, is a problem naming the
 * file and line. Links with a scheme ({@code https:}, {@code mailto:}) and links to anything other
 * than a {@code .md} file or an anchor are left as written.
 */
final class Links {
    private Links() {
    }

    /**
     * What checking a page's links found.
     *
     * @param rewrites each link's destination as written to the URL it becomes
     * @param broken a problem for each link that leads nowhere
     */
    record Checked(Map<String, String> rewrites, List<BuildProblem> broken) {
    }

    /** Checks every link of a page against the site's pages, by source file. */
    static Checked check(Page page, Map<String, Page> bySource) {
        return check(page, bySource::get);
    }

    /**
     * Checks every link of a page against the site's pages, as {@code pageOf} answers them by
     * source file (null for a file that is no page of the site).
     */
    static Checked check(Page page, java.util.function.Function<String, Page> pageOf) {
        var rewrites = new LinkedHashMap<String, String>();
        var broken = new ArrayList<BuildProblem>();
        for (var link : page.links()) {
            var href = link.href();
            if (href.isEmpty() || href.startsWith("//") || hasScheme(href)) {
                continue;
            }
            int hash = href.indexOf('#');
            var path = hash < 0 ? href : href.substring(0, hash);
            var anchor = hash < 0 ? "" : decoded(href.substring(hash + 1));
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            if (path.isEmpty()) {
                if (!anchor.isEmpty() && !page.anchors().contains(anchor)) {
                    broken.add(new BuildProblem(page.source(), link.line(),
                            "link to #" + anchor + ": this page has no heading with that id"));
                }
                continue;
            }
            if (!path.endsWith(".md")) {
                continue;
            }
            var target = resolve(page.source(), decoded(path));
            var targetPage = target == null ? null : pageOf.apply(target);
            if (targetPage == null) {
                broken.add(new BuildProblem(page.source(), link.line(), "link to " + href + ": "
                        + (target == null ? "it leads outside content/" : target + " is not a page of the site")));
                continue;
            }
            if (!anchor.isEmpty() && !targetPage.anchors().contains(anchor)) {
                broken.add(new BuildProblem(page.source(), link.line(),
                        "link to " + href + ": " + target + " has no heading with the id '" + anchor + "'"));
                continue;
            }
            rewrites.put(href, targetPage.url() + (anchor.isEmpty() ? "" : "#" + href.substring(hash + 1)));
        }
        return new Checked(rewrites, broken);
    }

    /** Answers the content file a relative or {@code content/}-rooted path leads to, or null outside content/. */
    static String resolve(String source, String path) {
        var base = path.startsWith("/") ? "content" : source.substring(0, Math.max(0, source.lastIndexOf('/')));
        if (!path.contains("./") && !path.contains("//")) {
            // The common case, a plain relative path: no segment to fold.
            return path.startsWith("/") ? base + path : base + "/" + path;
        }
        // Folded in place, segment by segment; "content" itself cannot be left.
        var folded = new StringBuilder(base);
        for (int at = 0; at <= path.length(); ) {
            int slash = path.indexOf('/', at);
            int end = slash < 0 ? path.length() : slash;
            int length = end - at;
            if (length == 2 && path.startsWith("..", at)) {
                int last = folded.lastIndexOf("/");
                if (last < 0) {
                    return null;
                }
                folded.setLength(last);
            } else if (length > 0 && !(length == 1 && path.charAt(at) == '.')) {
                folded.append('/').append(path, at, end);
            }
            at = end + 1;
        }
        return folded.toString();
    }

    /** Rewrites the {@code href} attributes of rendered HTML whose value is a key of {@code rewrites}. */
    static String rewrite(String html, Map<String, String> rewrites) {
        if (rewrites.isEmpty()) {
            return html;
        }
        var out = new StringBuilder(html.length());
        int at = 0;
        while (true) {
            int start = html.indexOf("href=\"", at);
            if (start < 0) {
                break;
            }
            int valueStart = start + 6;
            int end = html.indexOf('"', valueStart);
            if (end < 0) {
                break;
            }
            var written = html.substring(valueStart, end).replace("&amp;", "&");
            var replacement = rewrites.get(written);
            out.append(html, at, valueStart);
            if (replacement == null) {
                out.append(html, valueStart, end);
            } else {
                out.append(replacement.replace("&", "&amp;"));
            }
            at = end;
        }
        out.append(html, at, html.length());
        return out.toString();
    }

    private static boolean hasScheme(String href) {
        int colon = href.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = href.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String decoded(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
