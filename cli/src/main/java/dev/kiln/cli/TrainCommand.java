package dev.kiln.cli;

import dev.kiln.site.BuildOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kiln train FOLDER}: the workload the launcher runs once to train the JDK's AOT cache. It
 * writes a site of a few hundred pages into FOLDER and builds it the ways a user does (a full
 * build, a no-op build, a build after a body edit and one after a title edit), so that the classes
 * and method profiles of every path are in the cache, not only those of a full build. A small
 * site with layouts of its own that call helpers, as most real sites have, is then built in
 * FOLDER/{@value #THEMED}, so that Handlebars is in the cache too.
 */
final class TrainCommand implements Subcommand {
    private static final int PAGES = 400;
    /** The folder inside FOLDER that holds the site with layouts of its own. */
    static final String THEMED = "themed";

    /** A page in the subset of Markdown that {@code DirectMarkdown} writes (headings, lists, tables, code, quotes, links). */
    private static final String TYPICAL_BODY = """
            Some *emphasis*, **strong** text, `code()` and a [link](https://example.org/docs) in a paragraph
            that goes on over [two lines](../section-1/page-1.md).

            ## A heading

            | a | b | c |
            |---|:-:|--:|
            | 1 | `two` | [three](https://example.org) |

            ```java
            class Page%d {
                int value = 1 < 2 ? 3 : 4;
            }
            ```

            ### A smaller heading

            1. first item with *emphasis*
            2. second item with `code`

            > A quote with **strong** words.
            >
            > And a second paragraph.

            - a list item
            - another [item](https://example.org/guide)

            ![an image](/images/figure.png)
            """;

    /** A page using what flexmark renders: an autolink, a task list, a footnote. */
    private static final String RICH_BODY = """
            ## A heading

            Some *emphasis*, **strong** text, `code`, a [link](https://example.org) and https://example.org.

            - a list
            - [x] a task

            | a | b |
            |---|---|
            | 1 | 2 |

            ```java
            class Page%d {}
            ```

            > A quote with a footnote.[^1]

            [^1]: The footnote.
            """;

    private static final Usage USAGE = Usage.of("train", "FOLDER", "An empty folder to generate the site in.",
            "Builds a generated site several ways, to train the AOT cache.").hiddenFromHelp();

    @Override
    public Usage usage() {
        return USAGE;
    }

    @Override
    public int run(Arguments arguments) throws IOException {
        var folder = arguments.onlyPath("FOLDER, an empty folder to generate the site in");
        SiteFolders.writeFiles(folder, site());
        var quiet = new PrintWriter(new StringWriter());
        var request = request(folder);
        build(request, quiet);
        build(request, quiet);
        var page = folder.resolve("content/section-7/page-7.md");
        Files.writeString(page, Files.readString(page) + "\nAn edited paragraph.\n");
        build(request, quiet);
        Files.writeString(page, Files.readString(page).replace("title: \"Page 7\"", "title: \"Page seven\""));
        build(request, quiet);
        // Layouts that call helpers go through Handlebars, whose first templates took most of a
        // small site's build without it in the cache (examples/demo: 1.00-1.05 s against
        // 0.79-0.88 s with a cache trained on it; bench/RESULTS.md, "Session 17").
        var themed = folder.resolve(THEMED);
        SiteFolders.writeFiles(themed, themedSite());
        var themedRequest = request(themed);
        build(themedRequest, quiet);
        build(themedRequest, quiet);
        return 0;
    }

    /** A plain {@code kiln build} of a site, its output in its own public/, as a user runs it. */
    private static SiteBuilder.Request request(Path site) {
        return new SiteBuilder.Request(site, null, BuildOptions.defaults(), Runtime.getRuntime().availableProcessors(),
                false, true, false);
    }

    private static void build(SiteBuilder.Request request, PrintWriter quiet) {
        new SiteBuilder(request, new BuildReport(quiet, quiet), false).build();
    }

    private static Map<String, String> site() {
        var files = new TreeMap<String, String>();
        files.put("kiln.yaml", "title: Training\nbaseURL: https://training.example/\n");
        files.put("content/_index.md", "---\ntitle: Home\n---\nThe home page.\n");
        for (int section = 0; section < 8; section++) {
            files.put("content/section-" + section + "/_index.md", "---\ntitle: Section " + section + "\n---\n");
        }
        for (int page = 0; page < PAGES; page++) {
            // Most pages are typical ones, which kiln's own Markdown path writes; every fourth
            // uses what only flexmark renders (autolinks, task lists, footnotes).
            var body = page % 4 == 0 ? RICH_BODY : TYPICAL_BODY;
            // Likewise their front matter: plain YAML, which kiln reads itself, or a flow list,
            // which SnakeYAML reads.
            var tags = page % 4 == 0 ? "tags: [tag-%d, tag-%d]\n".formatted(page % 9, page % 5)
                    : "tags:\n  - tag-%d\n  - tag-%d\n".formatted(page % 9, page % 5);
            files.put("content/section-" + page % 8 + "/page-" + page + ".md", """
                    ---
                    title: "Page %d"
                    date: 2024-%02d-%02d
                    %sdescription: A page for training.
                    draft: false
                    ---
                    """.formatted(page, 1 + page % 12, 1 + page % 28, tags) + body.formatted(page));
        }
        files.put("static/css/extra.css", "body { margin: 0; }\n");
        files.put("static/images/figure.png", "an image\n");
        return files;
    }

    /**
     * A small site on the built-in theme with partials and a section layout of its own, which call
     * helpers ({@code asset}, {@code formatDate}, {@code truncate}, {@code eq}) and loop over data.
     */
    private static Map<String, String> themedSite() {
        var files = new TreeMap<String, String>();
        files.put("kiln.yaml", "title: Themed\nbaseURL: https://themed.example/\nparams:\n  footer: A footer\n");
        files.put("data/links.yaml", "- title: Feed\n  url: /index.xml\n- title: Sitemap\n  url: /sitemap.xml\n");
        files.put("assets/css/site.css", "body { color: #222; }\n");
        files.put("layouts/partials/head-extra.hbs", "<link rel=\"stylesheet\" href=\"{{asset \"css/site.css\"}}\">\n");
        files.put("layouts/partials/footer.hbs", """
                <footer>{{site.params.footer}}
                <nav>{{#each site.data.links}}<a href="{{url}}">{{title}}</a>{{/each}}</nav></footer>
                """);
        files.put("layouts/notes/single.hbs", """
                {{#partial "main"}}
                <article>
                <h1>{{page.title}}</h1>
                {{#if page.date}}<p><time>{{formatDate page.date "d MMMM yyyy"}}</time></p>{{/if}}
                <p class="lead">{{truncate page.description 40}}</p>
                {{#each page.terms.tags}}{{#if (eq name "tag-1")}}<strong>{{name}}</strong>{{else}}{{name}}{{/if}} {{/each}}
                {{{page.content}}}
                </article>
                {{/partial}}{{> _default/baseof}}
                """);
        files.put("content/_index.md", "---\ntitle: Home\n---\nThe home page.\n");
        // section-1: the pages link to ../section-1/page-1.md.
        for (var section : new String[] {"notes", "section-1"}) {
            files.put("content/" + section + "/_index.md", "---\ntitle: " + section + "\n---\n");
            for (int page = 0; page < 12; page++) {
                files.put("content/" + section + "/page-" + page + ".md", """
                        ---
                        title: "Page %d"
                        date: 2024-03-%02d
                        tags: [tag-%d]
                        description: A page of a site with layouts of its own, for training.
                        ---
                        """.formatted(page, 1 + page, page % 3) + TYPICAL_BODY.formatted(page));
            }
        }
        return files;
    }
}
