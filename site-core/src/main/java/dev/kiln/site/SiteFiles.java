package dev.kiln.site;

import java.util.Comparator;

/**
 * The files kiln writes besides pages: {@code sitemap.xml} (every page, with its date where it has
 * one), {@code robots.txt} (allowing all, naming the sitemap), both yielding to a site's own file
 * of the same name, and the redirect page of each alias.
 */
final class SiteFiles {
    private SiteFiles() {
    }

    /** Answers the sitemap of a site, valid against the sitemaps.org 0.9 schema. */
    static String sitemap(Site site) {
        var xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        site.pages().stream()
                .filter(page -> page.kind() != Page.Kind.NOT_FOUND)
                .sorted(Comparator.comparing(Page::url))
                .forEach(page -> {
                    xml.append("  <url><loc>").append(escaped(site.config().permalink(page.url()))).append("</loc>");
                    page.date().ifPresent(date -> xml.append("<lastmod>").append(date.toLocalDate()).append("</lastmod>"));
                    xml.append("</url>\n");
                });
        return xml.append("</urlset>\n").toString();
    }

    /** Answers a {@code robots.txt} that lets every crawler in and points at the sitemap. */
    static String robots(SiteConfig config) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + config.permalink(config.basePath() + "sitemap.xml") + "\n";
    }

    /** Answers the page an alias is written as: it sends browsers, and search engines, to the page. */
    static String redirect(String permalink) {
        var target = escaped(permalink);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + target + "</title>"
                + "<link rel=\"canonical\" href=\"" + target + "\"><meta name=\"robots\" content=\"noindex\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + target + "\"></head>"
                + "<body><p>This page has moved to <a href=\"" + target + "\">" + target + "</a>.</p></body></html>\n";
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
