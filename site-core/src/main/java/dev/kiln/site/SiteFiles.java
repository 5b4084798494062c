package dev.kiln.site;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The files kiln writes besides pages: {@code sitemap.xml} (every page, with its date where it has
 * one), {@code robots.txt} (allowing all, naming the sitemap), both yielding to a site's own file
 * of the same name, the redirect page of each alias, and the RSS 2.0 and Atom feeds of the site
 * and of each section.
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

    /**
     * Answers an RSS 2.0 feed of pages, newest first, at most {@code feedLimit} of them.
     *
     * @param title the feed's title
     * @param path the site path of the page the feed belongs to ({@code /blog/})
     * @param self the site path of the feed itself
     */
    static String rss(Site site, String title, String path, String self, List<Page> pages) {
        var config = site.config();
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
        xml.append("  <title>").append(escaped(title)).append("</title>\n");
        xml.append("  <link>").append(escaped(config.permalink(path))).append("</link>\n");
        xml.append("  <description>").append(escaped("Recent pages of " + title)).append("</description>\n");
        xml.append("  <language>").append(escaped(config.language())).append("</language>\n");
        xml.append("  <atom:link href=\"").append(escaped(config.permalink(self)))
                .append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
        var entries = newest(pages, config.feedLimit());
        newestDate(entries).ifPresent(date -> xml.append("  <lastBuildDate>")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date.withZoneSameInstant(config.timeZone())))
                .append("</lastBuildDate>\n"));
        for (var page : entries) {
            var link = escaped(config.permalink(page.url()));
            xml.append("  <item>\n    <title>").append(escaped(page.title())).append("</title>\n");
            xml.append("    <link>").append(link).append("</link>\n");
            xml.append("    <guid isPermaLink=\"true\">").append(link).append("</guid>\n");
            page.date().ifPresent(date -> xml.append("    <pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date.withZoneSameInstant(config.timeZone())))
                    .append("</pubDate>\n"));
            xml.append("    <description>").append(escaped(page.summary())).append("</description>\n  </item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    /** Answers an Atom feed of pages, newest first, at most {@code feedLimit} of them; see {@link #rss}. */
    static String atom(Site site, String title, String path, String self, List<Page> pages) {
        var config = site.config();
        var entries = newest(pages, config.feedLimit());
        // Atom needs an updated time; a feed of undated pages takes the epoch, which never changes.
        var updated = newestDate(entries).map(SiteFiles::atomDate).orElse("1970-01-01T00:00:00Z");
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + escaped(config.language()) + "\">\n");
        xml.append("  <title>").append(escaped(title)).append("</title>\n");
        xml.append("  <id>").append(escaped(config.permalink(path))).append("</id>\n");
        xml.append("  <link href=\"").append(escaped(config.permalink(path))).append("\"/>\n");
        xml.append("  <link rel=\"self\" href=\"").append(escaped(config.permalink(self))).append("\"/>\n");
        xml.append("  <updated>").append(updated).append("</updated>\n");
        xml.append("  <author><name>").append(escaped(config.title())).append("</name></author>\n");
        for (var page : entries) {
            var link = escaped(config.permalink(page.url()));
            xml.append("  <entry>\n    <title>").append(escaped(page.title())).append("</title>\n");
            xml.append("    <id>").append(link).append("</id>\n");
            xml.append("    <link href=\"").append(link).append("\"/>\n");
            xml.append("    <updated>").append(page.date().map(SiteFiles::atomDate).orElse(updated)).append("</updated>\n");
            xml.append("    <summary>").append(escaped(page.summary())).append("</summary>\n  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static List<Page> newest(List<Page> pages, int limit) {
        return pages.stream().sorted(Site.NEWEST_FIRST).limit(limit).toList();
    }

    private static java.util.Optional<ZonedDateTime> newestDate(List<Page> pages) {
        return pages.stream().flatMap(page -> page.date().stream()).max(Comparator.naturalOrder());
    }

    private static String atomDate(ZonedDateTime date) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date.toOffsetDateTime());
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
