package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Taxonomies, term pages, pagination and navigation (breadcrumbs, prev/next, the section tree). */
class ListPagesTests {
    private static Map<String, String> blog(int posts, String config) {
        var files = new LinkedHashMap<String, String>();
        files.put("kiln.yaml", config);
        for (int i = 1; i <= posts; i++) {
            files.put("content/blog/post-%02d.md".formatted(i), """
                    ---
                    title: Post %02d
                    date: 2024-01-%02d
                    tags: [%s]
                    categories: %s
                    ---
                    Body %d.
                    """.formatted(i, i, i % 2 == 0 ? "Java, \"Even Posts\"" : "java", i == 1 ? "[News]" : "[]", i));
        }
        files.put("layouts/_default/term.hbs", "{{page.title}}|{{#each page.pages}}{{title}},{{/each}}|{{json page.pager}}");
        files.put("layouts/_default/list.hbs", "{{page.title}}|{{#each page.pages}}{{title}},{{/each}}|{{json page.pager}}");
        files.put("layouts/_default/taxonomy.hbs", "{{page.title}}|{{#each page.terms}}{{name}}={{count}}@{{url}};{{/each}}");
        files.put("layouts/_default/single.hbs",
                "{{json page.breadcrumbs}}|{{json page.prev}}|{{json page.next}}|{{json page.terms}}|{{json page.sectionTree}}");
        return files;
    }

    @Test
    void everyTermHasAPageListingItsPagesNewestFirstAndTheTaxonomyCountsThem() {
        var site = TestSite.of(blog(4, "paginate: 0\n"));
        assertEquals(List.of(), site.build().problems());
        // "Java" and "java" share one page, named as the first page in list order writes it.
        assertEquals("Java|Post 04,Post 03,Post 02,Post 01,|null", site.output("tags/java/index.html"));
        assertEquals("Even Posts|Post 04,Post 02,|null", site.output("tags/even-posts/index.html"));
        assertEquals("Tags|Even Posts=2@/tags/even-posts/;Java=4@/tags/java/;", site.output("tags/index.html"));
        assertEquals("News|Post 01,|null", site.output("categories/news/index.html"));
        assertTrue(site.output("blog/post-02/index.html").contains(
                "{\"tags\":[{\"name\":\"Java\",\"url\":\"/tags/java/\"},{\"name\":\"Even Posts\",\"url\":\"/tags/even-posts/\"}]}"),
                site.output("blog/post-02/index.html"));
    }

    @Test
    void taxonomiesAreConfigurable() {
        var files = blog(2, "taxonomies: {series: series}\n");
        files.put("content/blog/post-01.md", "---\ntitle: One\nseries: [Intro]\ntags: [java]\n---\nx\n");
        var site = TestSite.of(files);
        assertEquals(List.of(), site.build().problems());
        assertEquals("Intro|One,|null", site.output("series/intro/index.html"));
        assertFalse(site.files.output().containsKey("tags/java/index.html"), "tags are not a taxonomy of this site");
    }

    @Test
    void listsArePaginatedWithAPagerLeadingToEveryPage() {
        var site = TestSite.of(blog(5, "paginate: 2\n"));
        assertEquals(List.of(), site.build().problems());
        assertEquals("Blog|Post 05,Post 04,|{\"number\":1,\"total\":3,\"url\":\"/blog/\",\"first\":\"/blog/\","
                + "\"last\":\"/blog/page/3/\",\"prev\":null,\"next\":\"/blog/page/2/\",\"pages\":[{\"number\":1,\"url\":\"/blog/\","
                + "\"current\":true,\"gap\":false},{\"number\":2,\"url\":\"/blog/page/2/\",\"current\":false,\"gap\":false},"
                + "{\"number\":3,\"url\":\"/blog/page/3/\",\"current\":false,\"gap\":false}]}", site.output("blog/index.html"));
        assertTrue(site.output("blog/page/2/index.html").startsWith("Blog|Post 03,Post 02,|{\"number\":2"));
        assertTrue(site.output("blog/page/3/index.html").contains("\"prev\":\"/blog/page/2/\",\"next\":null"));
        assertTrue(site.output("tags/java/page/3/index.html").startsWith("java|Post 01,|"));
        // Fewer pages: the extra page of the list goes.
        site.files.delete("content/blog/post-05.md");
        var result = site.build();
        assertEquals(List.of("blog/page/3/index.html", "blog/post-05/index.html", "tags/java/page/3/index.html"),
                result.removed().stream().map(path -> path.value()).toList());
    }

    @Test
    void aLongListsPagerShowsTheFirstTheLastAndTheNeighboursOfTheCurrentPage() {
        var site = TestSite.of(blog(30, "paginate: 2\n"));
        assertEquals(List.of(), site.build().problems());
        var html = site.output("blog/page/8/index.html");
        var numbers = html.substring(html.indexOf("\"pages\":")).replaceAll("[^0-9,:a-z]", " ");
        assertTrue(html.contains("{\"number\":1,\"url\":\"/blog/\",\"current\":false,\"gap\":false},"
                + "{\"number\":6,\"url\":\"/blog/page/6/\",\"current\":false,\"gap\":true}"), numbers);
        assertTrue(html.contains("{\"number\":8,\"url\":\"/blog/page/8/\",\"current\":true,\"gap\":false}"), html);
        assertTrue(html.contains("{\"number\":10,\"url\":\"/blog/page/10/\",\"current\":false,\"gap\":false},"
                + "{\"number\":15,\"url\":\"/blog/page/15/\",\"current\":false,\"gap\":true}]"), html);
    }

    @Test
    void pagesKnowTheirBreadcrumbsNeighboursAndTheirDocsSectionsTree() {
        var files = new LinkedHashMap<String, String>();
        files.put("content/docs/_index.md", "---\ntitle: Docs\nsidebar: true\n---\n");
        files.put("content/docs/a.md", "---\ntitle: A\nweight: 1\n---\n");
        files.put("content/docs/b.md", "---\ntitle: B\nweight: 2\n---\n");
        files.put("content/docs/deep/c.md", "---\ntitle: C\n---\n");
        files.put("content/notes/n.md", "---\ntitle: N\n---\n");
        files.put("layouts/_default/single.hbs",
                "{{json page.breadcrumbs}}|{{json page.prev}}|{{json page.next}}|{{json page.sectionTree}}");
        var site = TestSite.of(files);
        assertEquals(List.of(), site.build().problems());
        var tree = "{\"title\":\"Docs\",\"url\":\"/docs/\",\"pages\":[{\"title\":\"A\",\"url\":\"/docs/a/\"},{\"title\":\"B\","
                + "\"url\":\"/docs/b/\"}],\"sections\":[{\"title\":\"Deep\",\"url\":\"/docs/deep/\",\"pages\":[{\"title\":\"C\","
                + "\"url\":\"/docs/deep/c/\"}],\"sections\":[]}]}";
        assertEquals("[{\"title\":\"My kiln site\",\"url\":\"/\"},{\"title\":\"Docs\",\"url\":\"/docs/\"}]|null|"
                + "{\"title\":\"B\",\"url\":\"/docs/b/\"}|" + tree, site.output("docs/a/index.html"));
        assertEquals("[{\"title\":\"My kiln site\",\"url\":\"/\"},{\"title\":\"Docs\",\"url\":\"/docs/\"},{\"title\":\"Deep\","
                + "\"url\":\"/docs/deep/\"}]|null|null|" + tree, site.output("docs/deep/c/index.html"));
        assertTrue(site.output("notes/n/index.html").endsWith("|null"), "no sidebar where the section asks for none");
    }
}
