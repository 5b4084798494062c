package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.testing.FixtureSites;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Front matter that places a page elsewhere: url, and aliases that redirect to it. */
class UrlsTests {

    private static TestSite blogWith(String path, String text) {
        var files = new HashMap<>(FixtureSites.smallBlog());
        files.put(path, text);
        return TestSite.of(files);
    }

    @Test
    void aUrlPutsThePageThereAndListsLinkToIt() {
        var site = blogWith("content/blog/moved.md", "---\ntitle: Moved\nurl: /elsewhere/entirely/\n---\nText\n");
        assertEquals(List.of(), site.build().problems());
        assertTrue(site.output("elsewhere/entirely/index.html").contains("<h1>Moved</h1>"));
        assertTrue(site.output("blog/index.html").contains("<a href=\"/elsewhere/entirely/\">Moved</a>"));
    }

    @Test
    void aUrlEndingInHtmlNamesAFile() {
        var site = blogWith("content/blog/legacy.md", "---\ntitle: Legacy\nurl: /legacy.html\n---\nText\n");
        assertEquals(List.of(), site.build().problems());
        assertTrue(site.output("legacy.html").contains("<h1>Legacy</h1>"));
    }

    @Test
    void aliasesRedirectToThePage() {
        var site = blogWith("content/blog/renamed.md", "---\ntitle: Renamed\naliases: [/old/name/, /older.html]\n---\nText\n");
        assertEquals(List.of(), site.build().problems());
        for (var alias : List.of("old/name/index.html", "older.html")) {
            var page = site.output(alias);
            assertTrue(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/blog/renamed/\">"), page);
            assertTrue(page.contains("<link rel=\"canonical\" href=\"https://example.org/blog/renamed/\">"), page);
        }
        assertTrue(!site.output("sitemap.xml").contains("old/name"), "aliases are not pages of the sitemap");
    }

    @Test
    void aUrlThatCouldLeaveTheSiteIsAProblemWithItsLine() {
        var result = blogWith("content/blog/bad.md", "---\ntitle: Bad\nurl: /a/../../x/\n---\nText\n").build();
        assertEquals("content/blog/bad.md", result.problems().getFirst().file());
        assertEquals(3, result.problems().getFirst().line());
        var relative = blogWith("content/blog/bad.md", "---\ntitle: Bad\naliases: [no-slash]\n---\nText\n").build();
        assertEquals(3, relative.problems().getFirst().line());
    }

    @Test
    void anAliasOverAPageIsAProblemNamingBoth() {
        var result = blogWith("content/blog/greedy.md", "---\ntitle: Greedy\naliases: [/about/]\n---\nText\n").build();
        assertEquals(List.of(new BuildProblem("content/blog/greedy.md", 0,
                "would write about/index.html, which content/about.md writes too")), result.problems());
    }
}
