package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.RenderTemplate;
import dev.kiln.testing.InMemoryFiles;
import dev.kiln.testing.RecordingHandler;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandlebarsHandlerTests {
    private final InMemoryFiles files = InMemoryFiles.empty();
    private final RecordingHandler reads = new RecordingHandler();
    private final HandlerStack stack = HandlerStack.of(HandlebarsHandler.create(), reads, files);

    private String render(String template, Map<String, Object> context) {
        return stack.run(() -> perform(new RenderTemplate(template, context)));
    }

    @Test
    void rendersALayoutWithPartialsReadThroughTheStack() {
        files.put("layouts/page.hbs", "<h1>{{title}}</h1>{{> partials/foot}}");
        files.put("layouts/partials/foot.hbs", "<footer>{{site}}</footer>");
        assertEquals("<h1>A &amp; B</h1><footer>S</footer>", render("page", Map.of("title", "A & B", "site", "S")));
        var read = reads.effectsOf(ReadFile.class).stream().map(r -> r.path().value()).toList();
        assertTrue(read.contains("layouts/page.hbs") && read.contains("layouts/partials/foot.hbs"), read.toString());
    }

    @Test
    void anEditedTemplateIsCompiledAgain() {
        files.put("layouts/page.hbs", "one {{x}}");
        assertEquals("one 1", render("page", Map.of("x", 1)));
        files.put("layouts/page.hbs", "two {{x}}");
        assertEquals("two 1", render("page", Map.of("x", 1)));
    }

    @Test
    void aSyntaxErrorNamesTheTemplateFileAndLine() {
        files.put("layouts/page.hbs", "line one\nline two {{#if x}}\nnever closed\n");
        var failure = assertThrows(EffectFailedException.class, () -> render("page", Map.of()));
        assertEquals(Optional.of("layouts/page.hbs"), failure.file());
        assertTrue(failure.line() >= 2, failure.getMessage());
    }

    @Test
    void aMissingTemplateIsNamed() {
        var failure = assertThrows(EffectFailedException.class, () -> render("nowhere", Map.of()));
        assertEquals(Optional.of("layouts/nowhere.hbs"), failure.file());
        assertEquals("template not found", failure.problem());
    }

    @Test
    void layoutsInheritFromABaseThroughBlocks() {
        files.put("layouts/base.hbs", "<main>{{#block \"main\"}}default{{/block}}</main>");
        files.put("layouts/page.hbs", "{{#partial \"main\"}}{{title}}{{/partial}}{{> base}}");
        assertEquals("<main>T</main>", render("page", Map.of("title", "T")));
    }

    private String helper(String template) {
        files.put("layouts/t.hbs", template);
        var pages = java.util.List.<Object>of(
                Map.of("title", "B", "section", "docs", "weight", 2, "tags", java.util.List.of("x")),
                Map.of("title", "A", "section", "blog", "weight", 10, "tags", java.util.List.of("x", "y")),
                Map.of("title", "C", "section", "docs", "weight", 1, "tags", java.util.List.of()));
        var site = Map.<String, Object>of("language", "de", "baseURL", "https://example.org/sub/", "basePath", "/sub/",
                "assets", Map.of("css/main.css", "/sub/css/main.1234abcd.css"));
        return render("t", Map.of("site", site, "pages", pages, "date", "2024-03-05", "text", "one two three four five"));
    }

    @Test
    void helpersFormatDatesAndUrls() {
        assertEquals("5. März 2024", helper("{{formatDate date \"d. MMMM yyyy\"}}"));
        assertEquals("https://example.org/sub/docs/ /sub/docs/ https://x.org/",
                helper("{{absURL \"/docs/\"}} {{relURL \"docs/\"}} {{absURL \"https://x.org/\"}}"));
        assertEquals("/sub/css/main.1234abcd.css", helper("{{asset \"css/main.css\"}}"));
        var failure = assertThrows(EffectFailedException.class, () -> helper("{{asset \"none.css\"}}"));
        assertTrue(failure.getMessage().contains("no asset 'none.css'"), failure.getMessage());
    }

    @Test
    void helpersShapeTextAndLists() {
        assertEquals("one two…", helper("{{truncate text 10}}"));
        assertEquals("<em>hi</em>", helper("{{markdownify \"*hi*\"}}"));
        assertEquals("B,C,", helper("{{#each (where pages \"section\" \"docs\")}}{{title}},{{/each}}"));
        assertEquals("B,A,", helper("{{#each (where pages \"tags\" \"x\")}}{{title}},{{/each}}"));
        assertEquals("C,B,A,", helper("{{#each (sort pages \"weight\")}}{{title}},{{/each}}"), "numbers by value");
        assertEquals("C,B,A,", helper("{{#each (sort pages \"title\" \"desc\")}}{{title}},{{/each}}"));
        assertEquals("docs=2 blog=1 ", helper("{{#each (group pages \"section\")}}{{key}}={{len pages}} {{/each}}"));
        assertEquals("yes", helper("{{#if (eq site.language \"de\")}}yes{{else}}no{{/if}}"));
        assertEquals("{\"a\":\"\\u003c/script\\u003e\"}", render("j", Map.of("v", Map.of("a", "</script>")), "{{json v}}"));
    }

    private String render(String name, Map<String, Object> context, String template) {
        files.put("layouts/" + name + ".hbs", template);
        return render(name, context);
    }
}
