package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.Bytes;
import dev.kiln.testing.FixtureSites;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Page bundles: a folder with an index.md is one page, and its other files go beside it. */
class BundleTests {

    private static TestSite withTrip(String frontMatter) {
        var files = new HashMap<>(FixtureSites.smallBlog());
        files.put("content/blog/trip/index.md", "---\ntitle: The Trip\n" + frontMatter + "---\n![Map](map.svg)\n");
        files.put("content/blog/trip/notes.md", "---\ntitle: Notes\n---\nNot a page of its own.\n");
        files.put("content/images/logo.svg", "<svg/>");
        var site = TestSite.of(files);
        site.files.put("content/blog/trip/map.svg", Bytes.utf8("<svg id='map'/>"));
        site.files.put("content/blog/trip/photos/day-1.jpg", Bytes.of(new byte[] {1, 2, 3}));
        return site;
    }

    @Test
    void aBundleIsOnePageNamedByItsFolderWithItsFilesBesideIt() {
        var site = withTrip("");
        assertEquals(List.of(), site.build().problems());
        assertTrue(site.output("blog/trip/index.html").contains("<h1>The Trip</h1>"));
        assertEquals("<svg id='map'/>", site.output("blog/trip/map.svg"));
        assertTrue(site.files.output().containsKey("blog/trip/photos/day-1.jpg"));
        assertTrue(site.output("blog/index.html").contains("<a href=\"/blog/trip/\">The Trip</a>"), "it is a page of blog");
    }

    @Test
    void markdownInsideABundleIsNoPage() {
        var site = withTrip("");
        site.build();
        assertFalse(site.files.output().keySet().stream().anyMatch(path -> path.contains("notes")));
    }

    @Test
    void aSlugMovesTheBundlesFilesWithItsPage() {
        var site = withTrip("slug: journey\n");
        assertEquals(List.of(), site.build().problems());
        assertTrue(site.files.output().containsKey("blog/journey/index.html"));
        assertTrue(site.files.output().containsKey("blog/journey/map.svg"));
    }

    @Test
    void contentFilesOutsideBundlesKeepTheirPath() {
        var site = withTrip("");
        site.build();
        assertEquals("<svg/>", site.output("images/logo.svg"));
    }

    @Test
    void aDraftBundleTakesItsFilesWithIt() {
        var site = withTrip("draft: true\n");
        site.build();
        assertFalse(site.files.output().containsKey("blog/trip/map.svg"));
        assertFalse(site.files.output().containsKey("blog/trip/index.html"));
    }
}
