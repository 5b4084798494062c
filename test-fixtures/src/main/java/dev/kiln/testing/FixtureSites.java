package dev.kiln.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Small hand-written sites for tests, each a map from path (relative to the site folder) to text.
 *
 * @since 0.1
 */
public final class FixtureSites {
    private FixtureSites() {
    }

    /**
     * A blog with a config, a home page, a {@code blog} section of two pages (one with a
     * page-specific layout), a top-level page, its own layouts with a partial, and a static file.
     */
    public static Map<String, String> smallBlog() {
        var files = new LinkedHashMap<String, String>();
        files.put("kiln.yaml", """
                title: Fixture Blog
                baseURL: https://example.org/
                language: en
                """);
        files.put("content/_index.md", """
                ---
                title: Welcome
                ---
                The **home** page.
                """);
        files.put("content/blog/_index.md", """
                ---
                title: The Blog
                description: Posts, newest first.
                ---
                All the posts.
                """);
        files.put("content/blog/first-post.md", """
                ---
                title: First Post
                date: 2024-01-05
                tags: [intro, java]
                ---
                # Hello

                Some *text* with a [link](https://example.org).
                """);
        files.put("content/blog/second-post.md", """
                ---
                title: Second Post
                date: 2024-02-10
                tags: [java]
                layout: special
                series: fixtures
                ---
                | a | b |
                |---|---|
                | 1 | 2 |
                """);
        files.put("content/about.md", """
                ---
                title: About
                weight: 1
                ---
                About this site.
                """);
        files.put("layouts/_default/single.hbs", """
                {{> partials/head}}<article><h1>{{page.title}}</h1>{{{page.content}}}</article>
                """);
        files.put("layouts/_default/list.hbs", """
                {{> partials/head}}<h1>{{page.title}}</h1>{{{page.content}}}<ul>{{#each page.pages}}<li><a href="{{url}}">{{title}}</a></li>{{/each}}</ul>
                """);
        files.put("layouts/index.hbs", """
                {{> partials/head}}<h1>{{site.title}}</h1>{{{page.content}}}{{#each site.sections}}<a href="{{url}}">{{title}}</a>{{/each}}
                """);
        files.put("layouts/special.hbs", """
                <special>{{page.title}} in {{page.params.series}}</special>
                """);
        files.put("layouts/partials/head.hbs", """
                <title>{{page.title}} | {{site.title}}</title>
                """);
        files.put("static/css/site.css", "body { color: black; }\n");
        return Map.copyOf(files);
    }

    /** A folder holding only content: it must build with defaults and the built-in layout. */
    public static Map<String, String> contentOnly() {
        return Map.of(
                "content/hello.md", """
                        ---
                        title: Hello
                        ---
                        Just content.
                        """,
                "content/notes/one.md", """
                        ---
                        title: One
                        date: 2023-03-04
                        ---
                        A note.
                        """);
    }
}
