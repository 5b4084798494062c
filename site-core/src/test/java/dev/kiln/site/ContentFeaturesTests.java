package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cascade, future dates, data files, assets, shortcodes and admonitions, end to end. */
class ContentFeaturesTests {
    private static Map<String, String> site(String... pathsAndTexts) {
        var files = new LinkedHashMap<String, String>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return files;
    }

    @Test
    void aSectionCascadesFrontMatterToEverythingInsideItUnlessAPageSaysOtherwise() {
        var site = TestSite.of(site(
                "content/docs/_index.md", "---\ntitle: Docs\ncascade:\n  layout: doc\n  banner: beta\n---\n",
                "content/docs/a.md", "---\ntitle: A\n---\n",
                "content/docs/b.md", "---\ntitle: B\nbanner: stable\n---\n",
                "content/docs/deep/_index.md", "---\ntitle: Deep\ncascade:\n  banner: deep\n---\n",
                "content/docs/deep/c.md", "---\ntitle: C\n---\n",
                "content/other.md", "---\ntitle: O\n---\n",
                "layouts/_default/doc.hbs", "doc {{page.title}} {{page.params.banner}}"));
        assertEquals(List.of(), site.build().problems());
        assertEquals("doc A beta", site.output("docs/a/index.html"));
        assertEquals("doc B stable", site.output("docs/b/index.html"));
        assertEquals("doc C deep", site.output("docs/deep/c/index.html"));
        assertFalse(site.output("other/index.html").startsWith("doc"));
        // Editing the cascade rebuilds the pages below it.
        site.files.put("content/docs/_index.md", "---\ntitle: Docs\ncascade:\n  layout: doc\n  banner: gamma\n---\n");
        site.build();
        assertEquals("doc A gamma", site.output("docs/a/index.html"));
        assertEquals("doc C deep", site.output("docs/deep/c/index.html"));
    }

    @Test
    void futurePagesWaitForTheirDateUnlessAskedForAndANoOpBuildNoticesTheDateHasCome() {
        var site = TestSite.of(site(
                "content/now.md", "---\ntitle: Now\ndate: 2025-12-31\n---\n",
                "content/later.md", "---\ntitle: Later\ndate: 2026-03-01T09:00:00Z\n---\n"))
                .at(Instant.parse("2026-01-01T00:00:00Z"));
        site.build();
        assertTrue(site.files.output().containsKey("now/index.html"));
        assertFalse(site.files.output().containsKey("later/index.html"));
        assertEquals(List.of(), site.build().written(), "nothing changed and the date has not come");
        site.at(Instant.parse("2026-03-01T09:00:00Z"));
        var result = site.build();
        assertTrue(site.files.output().containsKey("later/index.html"));
        assertTrue(site.lastTrace().rebuilt().get("site").getFirst().contains("2026-03-01T09:00:00Z has come"),
                site.lastTrace().rebuilt().toString());
        assertTrue(result.written().stream().anyMatch(path -> path.value().equals("later/index.html")));
        var withFuture = TestSite.of(site("content/later.md", "---\ntitle: Later\ndate: 2099-01-01\n---\n"));
        withFuture.build(new BuildOptions(false, true, true));
        assertTrue(withFuture.files.output().containsKey("later/index.html"));
    }

    @Test
    void dataFilesAreSiteDataByFolderAndName() {
        var site = TestSite.of(site(
                "data/team.yaml", "- name: Ada\n- name: Linus\n",
                "data/links/social.json", "{\"github\": \"https://github.com/kiln\", \"stars\": 42}",
                "content/about.md", "---\ntitle: About\n---\n",
                "layouts/_default/single.hbs", "{{#each site.data.team}}{{name}};{{/each}}{{site.data.links.social.github}} {{site.data.links.social.stars}}"));
        assertEquals(List.of(), site.build().problems());
        assertEquals("Ada;Linus;https://github.com/kiln 42", site.output("about/index.html"));
        site.files.put("data/team.yaml", "- name: Grace\n");
        site.build();
        assertTrue(site.output("about/index.html").startsWith("Grace;"), "a data edit rebuilds the pages");
        site.files.put("data/team.yaml", "- name: [unclosed\n");
        var bad = site.build();
        assertEquals("data/team.yaml", bad.problems().getFirst().file());
        assertTrue(bad.problems().getFirst().line() >= 1, bad.problems().toString());
        assertTrue(bad.problems().getFirst().message().startsWith("bad YAML"), bad.problems().toString());
    }

    @Test
    void assetsArePublishedUnderAFingerprintedNameAndCssIsMinified() {
        var site = TestSite.of(site(
                "assets/css/main.css", "/* theme */\nbody {\n  color: red;\n  margin: 0 auto;\n}\na:hover , b { x: \"a  b\" }\n",
                "assets/logo.svg", "<svg/>",
                "content/about.md", "---\ntitle: About\n---\n",
                "layouts/_default/single.hbs", "<link href=\"{{asset \"css/main.css\"}}\"> {{site.assets.[logo.svg]}}"));
        assertEquals(List.of(), site.build().problems());
        var minified = "body{color: red;margin: 0 auto}a:hover,b{x: \"a  b\"}";
        var hash = dev.kiln.effects.Bytes.utf8(minified).sha256().substring(0, 8);
        assertEquals(minified, site.output("css/main." + hash + ".css"));
        assertTrue(site.output("about/index.html").startsWith("<link href=\"/css/main." + hash + ".css\">"),
                site.output("about/index.html"));
        assertTrue(site.output("about/index.html").matches(".* /logo\\.[0-9a-f]{8}\\.svg"));
        site.files.put("layouts/_default/single.hbs", "{{asset \"css/none.css\"}}");
        var result = site.build();
        assertTrue(result.problems().getFirst().message().contains("no asset 'css/none.css'"), result.problems().toString());
    }

    @Test
    void shortcodesRenderTheirTemplateWithArgumentsAndAnUnknownOneIsAProblemWithItsLine() {
        var site = TestSite.of(site(
                "content/post.md", """
                        ---
                        title: Post
                        ---
                        Intro.

                        {{< figure src="/a.png" caption="A \\"cat\\"" >}}

                        Inline {{< badge new >}} and {{< note >}}Mind *this*{{< /note >}}, escaped {{</* figure */>}}.
                        """,
                "layouts/shortcodes/badge.hbs", "<span class=\"badge\">{{_0}}</span>",
                "layouts/shortcodes/note.hbs", "<aside>{{markdownify inner}} on {{page.title}}</aside>"));
        assertEquals(List.of(), site.build().problems());
        var html = site.output("post/index.html");
        assertTrue(html.contains("<figure><img src=\"/a.png\" alt=\"A &quot;cat&quot;\" loading=\"lazy\"><figcaption>A &quot;cat&quot;"
                + "</figcaption></figure>"), html);
        assertFalse(html.contains("<p><figure>"), "a shortcode alone in its paragraph replaces it");
        assertTrue(html.contains("Inline <span class=\"badge\">new</span> and <aside>Mind <em>this</em> on Post</aside>, escaped {{&lt; figure &gt;}}."),
                html);
        site.files.put("content/post.md", "---\ntitle: Post\n---\nText.\n\n{{< nosuch >}}\n");
        var result = site.build();
        assertEquals(List.of("content/post.md:6: unknown shortcode 'nosuch': there is no layouts/shortcodes/nosuch.hbs"
                + " (nor one in the built-in theme)"), result.problems().stream().map(BuildProblem::toString).toList());
        site.files.put("content/post.md", "---\ntitle: Post\n---\n{{< figure src=\"/a.png\" >}}\n\nText.\n\n{{< nosuch >}}\n");
        assertEquals("content/post.md:8", site.build().problems().getFirst().toString().substring(0, 17),
                "the line of a later call counts on from the earlier ones");
    }

    @Test
    void admonitionsRenderInBothSyntaxes() {
        var site = TestSite.of(site("content/a.md", "---\ntitle: A\n---\n> [!TIP]\n> Use it.\n\n:::warning Careful\nHot.\n:::\n"));
        site.build();
        var html = site.output("a/index.html");
        assertTrue(html.contains("<div class=\"admonition tip\">\n<p class=\"admonition-title\">Tip</p>\n<p>Use it.</p>\n</div>"), html);
        assertTrue(html.contains("<div class=\"admonition warning\">\n<p class=\"admonition-title\">Careful</p>\n<p>Hot.</p>\n</div>"), html);
    }
}
