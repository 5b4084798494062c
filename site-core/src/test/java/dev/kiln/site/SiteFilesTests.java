package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.testing.FixtureSites;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

class SiteFilesTests {

    @Test
    void theSitemapIsWellFormedAndListsEveryPageWithItsDate() throws Exception {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(site.output("sitemap.xml"))));
        var root = document.getDocumentElement();
        assertEquals("urlset", root.getLocalName());
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", root.getNamespaceURI());
        var locations = new ArrayList<String>();
        var urls = root.getElementsByTagNameNS(root.getNamespaceURI(), "url");
        for (int i = 0; i < urls.getLength(); i++) {
            locations.add(urls.item(i).getFirstChild().getTextContent());
        }
        assertEquals(List.of("https://example.org/", "https://example.org/about/", "https://example.org/blog/",
                "https://example.org/blog/first-post/", "https://example.org/blog/second-post/", "https://example.org/tags/",
                "https://example.org/tags/intro/", "https://example.org/tags/java/"), locations);
        assertTrue(site.output("sitemap.xml").contains(
                "<url><loc>https://example.org/blog/first-post/</loc><lastmod>2024-01-05</lastmod></url>"));
    }

    @Test
    void robotsTxtLetsCrawlersInAndNamesTheSitemap() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n", site.output("robots.txt"));
    }

    @Test
    void aSitesOwnRobotsTxtWins() {
        var files = new HashMap<>(FixtureSites.smallBlog());
        files.put("static/robots.txt", "User-agent: *\nDisallow: /\n");
        var site = TestSite.of(files);
        var result = site.build();
        assertEquals(List.of(), result.problems());
        assertEquals("User-agent: *\nDisallow: /\n", site.output("robots.txt"));
    }

    @Test
    void missingPagesGetTheThemes404PageUnlessTheSiteHasOne() {
        var site = TestSite.of(FixtureSites.contentOnly());
        site.build();
        var page = site.output("404.html");
        assertTrue(page.contains("<title>Page not found &middot; My kiln site</title>"), page);
        assertTrue(page.contains("<a href=\"/\">Go to the home page</a>"), page);
        var files = new HashMap<>(FixtureSites.contentOnly());
        files.put("layouts/404.hbs", "<h1>Lost? {{site.title}}</h1>");
        var own = TestSite.of(files);
        own.build();
        assertEquals("<h1>Lost? My kiln site</h1>", own.output("404.html"));
    }
}
