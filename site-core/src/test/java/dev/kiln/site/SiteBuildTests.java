package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.OutputPath;
import dev.kiln.testing.FixtureSites;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteBuildTests {

    @Test
    void aSmallBlogWritesItsHomeSectionPagesAndStaticFiles() {
        var site = TestSite.of(FixtureSites.smallBlog());
        var result = site.build();
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("404.html", "about/index.html", "atom.xml", "blog/atom.xml", "blog/first-post/index.html",
                        "blog/index.html", "blog/index.xml", "blog/second-post/index.html", "css/kiln-theme.css", "css/site.css",
                        "index.html", "index.json", "index.xml", "js/kiln-search.js", "robots.txt", "sitemap.xml",
                        "tags/index.html", "tags/intro/index.html", "tags/java/index.html"),
                result.written().stream().map(OutputPath::value).toList());
        // home, about, the blog and its two posts, the tags page, two term pages, 404.html
        assertEquals(9, result.pages());
        assertEquals(site.files.output().keySet(), new java.util.TreeSet<>(result.written().stream().map(OutputPath::value).toList()));
    }

    @Test
    void aPageIsRenderedThroughItsLayoutWithMarkdownAndPartials() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        var html = site.output("blog/first-post/index.html");
        assertTrue(html.startsWith("<title>First Post | Fixture Blog</title>"), html);
        assertTrue(html.contains("<h1 id=\"hello\">Hello</h1>"), html);
        assertTrue(html.contains("<em>text</em>"), html);
    }

    @Test
    void aPageSpecificLayoutWinsAndUnknownFrontMatterReachesTemplates() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        assertEquals("<special>Second Post in fixtures</special>\n", site.output("blog/second-post/index.html"));
    }

    @Test
    void sectionListsShowTheirPagesNewestFirst() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        var html = site.output("blog/index.html");
        assertTrue(html.indexOf("Second Post") < html.indexOf("First Post"), html);
        assertTrue(html.contains("<a href=\"/blog/first-post/\">First Post</a>"), html);
    }

    @Test
    void theHomePageUsesTheIndexLayoutAndListsTopLevelSections() {
        var site = TestSite.of(FixtureSites.smallBlog());
        site.build();
        var html = site.output("index.html");
        assertTrue(html.contains("<h1>Fixture Blog</h1>"), html);
        assertTrue(html.contains("<strong>home</strong>"), html);
        assertTrue(html.contains("<a href=\"/blog/\">The Blog</a>"), html);
    }

    @Test
    void aFolderWithOnlyContentBuildsWithTheBuiltInTheme() {
        var site = TestSite.of(FixtureSites.contentOnly());
        var result = site.build();
        assertEquals(List.of(), result.problems());
        assertEquals(List.of("404.html", "atom.xml", "css/kiln-theme.css", "hello/index.html", "index.html", "index.json",
                "index.xml", "js/kiln-search.js", "notes/atom.xml", "notes/index.html", "notes/index.xml",
                "notes/one/index.html", "robots.txt", "sitemap.xml"), result.written().stream().map(OutputPath::value).toList());
        var page = site.output("notes/one/index.html");
        assertTrue(page.startsWith("<!DOCTYPE html>"), "[" + page + "]");
        assertTrue(page.contains("<title>One &middot; My kiln site</title>"), page);
        assertTrue(page.contains("<time datetime=\"2023-03-04\">March 4, 2023</time>"), page);
        assertTrue(page.contains("<a href=\"/notes/\" class=\"active\" aria-current=\"page\">Notes</a>"),
                "the menu marks the page's section: " + page);
        assertTrue(page.contains("<a href=\"/hello/\">Hello</a>"), "the menu holds top-level pages: " + page);
        // Each page sees the menu with its own entry active (menus are shared between the pages that see the same one).
        var hello = site.output("hello/index.html");
        assertTrue(hello.contains("<a href=\"/hello/\" class=\"active\" aria-current=\"page\">Hello</a>"), hello);
        assertTrue(hello.contains("<a href=\"/notes/\">Notes</a>"), hello);
        var home = site.output("index.html");
        assertFalse(home.contains("class=\"active\""), home);
    }

    @Test
    void draftPagesAreLeftOutUnlessAsked() {
        var files = new HashMap<>(FixtureSites.contentOnly());
        files.put("content/notes/wip.md", "---\ntitle: WIP\ndraft: true\n---\nNot yet.\n");
        var withoutDrafts = TestSite.of(files);
        withoutDrafts.build();
        assertFalse(withoutDrafts.files.output().containsKey("notes/wip/index.html"));
        var withDrafts = TestSite.of(files);
        withDrafts.build(BuildOptions.defaults().withDrafts(true));
        assertTrue(withDrafts.files.output().containsKey("notes/wip/index.html"));
    }

    @Test
    void nestedFoldersAreSectionsWithTheirOwnListPages() {
        var files = new HashMap<>(FixtureSites.contentOnly());
        files.put("content/docs/guide/install.md", "# Installing\n\nRun it.\n");
        var site = TestSite.of(files);
        var result = site.build();
        assertEquals(List.of(), result.problems());
        assertTrue(site.output("docs/guide/install/index.html").contains("<title>Installing &middot; My kiln site</title>"));
        assertTrue(site.output("docs/index.html").contains("href=\"/docs/guide/\""));
        assertTrue(site.output("docs/guide/index.html").contains("href=\"/docs/guide/install/\""));
    }

    @Test
    void theBasePathOfTheBaseUrlStartsEveryUrl() {
        var files = new HashMap<>(FixtureSites.contentOnly());
        files.put("kiln.yaml", "baseURL: https://example.org/docs/\n");
        var site = TestSite.of(files);
        site.build();
        var home = site.output("index.html");
        assertTrue(home.contains("href=\"/docs/notes/\""), home);
        assertTrue(home.contains("href=\"/docs/css/kiln-theme.css\""), home);
    }

    @Test
    void theSameSiteAlwaysBuildsTheSameBytes() {
        Map<String, String> files = dev.kiln.testing.SyntheticSite.generate(60, 4, 6, 11);
        var first = TestSite.of(files);
        first.build();
        var second = TestSite.of(files);
        second.build();
        assertEquals(first.files.output(), second.files.output());
    }

    @Test
    void pagesWithSeveralHeadingsGetATableOfContentsToTheConfiguredDepth() {
        var files = new HashMap<>(FixtureSites.contentOnly());
        files.put("content/guide.md", "# Guide\n\n## Install\n\n### On Linux\n\n#### Details\n\n## Use\n");
        var site = TestSite.of(files);
        site.build();
        var page = site.output("guide/index.html");
        assertTrue(page.contains("<li class=\"toc-2\"><a href=\"#install\">Install</a></li>"
                + "<li class=\"toc-3\"><a href=\"#on-linux\">On Linux</a></li>"
                + "<li class=\"toc-2\"><a href=\"#use\">Use</a></li>"), page);
        assertTrue(!page.contains("#details"), "level 4 is deeper than the default depth of 3");
        assertTrue(!site.output("notes/one/index.html").contains("class=\"toc\""), "a page without headings has none");

        files.put("kiln.yaml", "tocDepth: 4\n");
        var deeper = TestSite.of(files);
        deeper.build();
        assertTrue(deeper.output("guide/index.html").contains("<a href=\"#details\">Details</a>"));
    }
}
