package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.kiln.testing.FixtureSites;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** The feeds and the search index. */
class GeneratedFilesTests {
    private static Element xml(String text) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text))).getDocumentElement();
    }

    private static List<String> texts(Element root, String namespace, String name) {
        var found = new ArrayList<String>();
        var nodes = namespace == null ? root.getElementsByTagName(name) : root.getElementsByTagNameNS(namespace, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent());
        }
        return found;
    }

    @Test
    void theSiteAndEachSectionHaveAnRssFeedNewestFirstWithTheRequiredElements() throws Exception {
        var files = new java.util.LinkedHashMap<>(FixtureSites.smallBlog());
        files.put("kiln.yaml", files.get("kiln.yaml") + "timeZone: Europe/Paris\n");
        var site = TestSite.of(files);
        site.build();
        var rss = xml(site.output("index.xml"));
        assertEquals("rss", rss.getTagName());
        assertEquals("2.0", rss.getAttribute("version"));
        var channel = (Element) rss.getElementsByTagName("channel").item(0);
        assertEquals("Fixture Blog", texts(channel, null, "title").getFirst());
        assertEquals("https://example.org/", texts(channel, null, "link").getFirst());
        assertTrue(!texts(channel, null, "description").getFirst().isBlank());
        assertEquals(List.of("Fixture Blog", "Second Post", "First Post", "About"), texts(channel, null, "title"));
        assertEquals(List.of("Sat, 10 Feb 2024 00:00:00 +0100", "Fri, 5 Jan 2024 00:00:00 +0100"),
                texts(channel, null, "pubDate"), "dates in the site's time zone");
        assertEquals(List.of("https://example.org/blog/second-post/", "https://example.org/blog/first-post/",
                "https://example.org/about/"), texts(channel, null, "guid"));
        var blog = xml(site.output("blog/index.xml"));
        assertEquals(List.of("The Blog | Fixture Blog", "Second Post", "First Post"), texts(blog, null, "title"));
    }

    @Test
    void atomFeedsHaveTheRequiredElements() throws Exception {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        var atom = xml(site.output("atom.xml"));
        var ns = "http://www.w3.org/2005/Atom";
        assertEquals("feed", atom.getLocalName());
        assertEquals(ns, atom.getNamespaceURI());
        assertEquals("https://example.org/", texts(atom, ns, "id").getFirst());
        assertEquals("2024-02-10T00:00:00Z", texts(atom, ns, "updated").getFirst());
        assertEquals(3, atom.getElementsByTagNameNS(ns, "entry").getLength());
        assertEquals(List.of("Fixture Blog"), texts(atom, ns, "name"));
    }

    @Test
    void feedsHoldAtMostFeedLimitEntries() throws Exception {
        var files = new java.util.LinkedHashMap<>(FixtureSites.smallBlog());
        files.put("kiln.yaml", files.get("kiln.yaml") + "feedLimit: 1\n");
        var site = TestSite.of(files);
        site.build();
        assertEquals(List.of("Fixture Blog", "Second Post"), texts(xml(site.output("index.xml")), null, "title"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSearchIndexHoldsEveryPagesFieldsAndPlainText() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        var entries = (List<Map<String, Object>>) new Gson().fromJson(site.output("index.json"), List.class);
        var first = entries.stream().filter(entry -> entry.get("url").equals("/blog/first-post/")).findFirst().orElseThrow();
        assertEquals("First Post", first.get("title"));
        assertEquals("blog", first.get("section"));
        assertEquals(List.of("intro", "java"), first.get("tags"));
        assertEquals("Hello Some text with a link.", first.get("content"));
        assertEquals(5, entries.size(), "every page with a content file");
    }

    @Test
    void theSearchIndexCanBeTurnedOff() {
        var files = new java.util.LinkedHashMap<>(FixtureSites.smallBlog());
        files.put("kiln.yaml", files.get("kiln.yaml") + "searchIndex: false\n");
        var site = TestSite.of(files);
        site.build();
        assertTrue(!site.files.output().containsKey("index.json"));
    }
}
