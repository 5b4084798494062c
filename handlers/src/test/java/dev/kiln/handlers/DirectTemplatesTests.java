package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.FileExists;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.RenderTemplate;
import dev.kiln.testing.InMemoryFiles;
import dev.kiln.testing.RecordingHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectTemplates} must render every template it answers for exactly as Handlebars does,
 * read the same files, and leave everything else to Handlebars.
 */
class DirectTemplatesTests {
    private final InMemoryFiles files = InMemoryFiles.empty();
    private final BuiltInThemeHandler theme = BuiltInThemeHandler.standard();
    private final HandlerStack kiln = HandlerStack.of(HandlebarsHandler.create(), theme, files);
    private final HandlerStack handlebars = HandlerStack.of(HandlebarsHandler.handlebarsOnly(), theme, files);
    private final DirectTemplates direct = new DirectTemplates(HandlebarsHandler.newHandlebars());

    /** Answers what a stack renders, or the failure's class and message where it fails. */
    private static String outcome(HandlerStack stack, String template, Map<String, Object> context) {
        try {
            return stack.run(() -> perform(new RenderTemplate(template, context)));
        } catch (RuntimeException e) {
            return "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private String directly(String template, Map<String, Object> context) {
        return HandlerStack.of(theme, files).run(() -> direct.render(template, context, 16));
    }

    // The theme's own layouts, with contexts shaped as kiln's pages give them.

    private static final List<String> THEME_LAYOUTS = List.of("_default/single", "_default/list", "_default/term",
            "_default/taxonomy", "index", "404");

    @Test
    void theThemesLayoutsRenderDirectlyAndAsHandlebarsRendersThem() {
        var random = new SplittableRandom(2811);
        for (int i = 0; i < 300; i++) {
            var layout = THEME_LAYOUTS.get(i % THEME_LAYOUTS.size());
            var context = pageContext(random, layout.equals("_default/taxonomy"));
            assertNotNull(directly(layout, context), layout + " left the subset with " + context);
            assertEquals(outcome(handlebars, layout, context), outcome(kiln, layout, context), layout + " with " + context);
        }
    }

    @Test
    void aPageReadsTheSameTemplatesAsThroughHandlebars() {
        var context = pageContext(new SplittableRandom(5), false);
        var directReads = new RecordingHandler();
        var handlebarsReads = new RecordingHandler();
        HandlerStack.of(HandlebarsHandler.create(), directReads, theme, files)
                .run(() -> perform(new RenderTemplate("_default/single", context)));
        HandlerStack.of(HandlebarsHandler.handlebarsOnly(), handlebarsReads, theme, files)
                .run(() -> perform(new RenderTemplate("_default/single", context)));
        assertEquals(readPaths(handlebarsReads), readPaths(directReads));
        assertTrue(readPaths(directReads).contains("read layouts/partials/header.hbs"), readPaths(directReads).toString());
    }

    private static List<String> readPaths(RecordingHandler reads) {
        var paths = new ArrayList<String>();
        reads.effectsOf(ReadFile.class).forEach(read -> paths.add("read " + read.path().value()));
        reads.effectsOf(FileExists.class).forEach(exists -> paths.add("exists " + exists.path().value()));
        return paths.stream().distinct().sorted().toList();
    }

    @Test
    void aSitesOwnPartialIsReadInsteadOfTheThemes() {
        files.put("layouts/partials/footer.hbs", "<footer>{{site.title}} {{#if page.isHome}}home{{/if}}</footer>");
        var context = pageContext(new SplittableRandom(9), false);
        var rendered = outcome(kiln, "_default/single", context);
        assertTrue(rendered.contains("<footer>"), rendered);
        assertEquals(outcome(handlebars, "_default/single", context), rendered);
    }

    // Random templates inside and outside the subset, and random values.

    @Test
    void randomTemplatesRenderAsHandlebarsRendersThem() {
        var random = new SplittableRandom(1128);
        int direct = 0;
        for (int i = 0; i < 3000; i++) {
            var template = template(random, 3, true);
            // A partial including itself recurses in Handlebars until the stack runs out.
            var partial = template(random, 1, false);
            files.put("layouts/t.hbs", template);
            files.put("layouts/partials/p.hbs", partial);
            var context = context(random, 2);
            // Where it does not answer, Handlebars renders as it always did (an each over a
            // string lists its Java properties, hash codes and all: no use comparing those).
            if (directly("t", context) != null) {
                assertEquals(outcome(handlebars, "t", context), outcome(kiln, "t", context),
                        () -> template + " (partial " + partial + ") with " + context);
                direct++;
            }
        }
        // Most random templates stay inside the subset, or the comparison says little.
        assertTrue(direct > 600, direct + " of 3000 rendered directly");
    }

    @Test
    void whatLeavesTheSubsetIsLeftToHandlebars() {
        var context = Map.<String, Object>of("title", "T", "items", List.of(Map.of("n", 1)), "map", Map.of());
        for (var template : List.of("{{../title}}", "{{#each items}}{{@index}}{{/each}}", "{{json title}}",
                "{{! a comment }}", "{{~title~}}", "{{#each items as |item|}}{{item.n}}{{/each}}", "{{#unless x}}u{{/unless}}",
                "{{title \"x\"}}", "\\{{title}}", "{{#if title}}open", "{{else}}", "{{#with title}}{{/if}}",
                "{{map.empty}}", "{{items.size}}", "{{> missing}}", "{{#block \"none\"}}d{{/block}}", "{{root.title}}",
                "{{#each title}}x{{/each}}", "{{map}}", "{{#if title}}a{{else}}b{{else}}c{{/if}}", "{{title}}}",
                "{{{title}}}}", "{{empty}}", "{{#with title}}{{title}}{{/with}}")) {
            files.put("layouts/t.hbs", template);
            assertNull(directly("t", context), template);
            assertEquals(outcome(handlebars, "t", context), outcome(kiln, "t", context), template);
        }
    }

    private static final List<String> PATHS = List.of("this", "title", "url", "n", "flag", "items", "page.title",
            "page.items", "site.url", "missing", "missing.deep", "html");
    private static final List<String> TEXTS = List.of("<p>", " & ", "x", "\n", "{", "}", " ", "a}b", "{ {");

    private static String template(SplittableRandom random, int depth, boolean includes) {
        var text = new StringBuilder();
        for (int pieces = random.nextInt(5); pieces >= 0; pieces--) {
            var path = PATHS.get(random.nextInt(PATHS.size()));
            switch (random.nextInt(depth > 0 ? 20 : 5)) {
                case 0, 1, 12, 13, 14, 15, 16, 17, 18 -> text.append(TEXTS.get(random.nextInt(TEXTS.size())));
                case 2, 3 -> text.append(random.nextBoolean() ? "{{" + path + "}}" : "{{ " + path + " }}");
                case 4 -> text.append("{{{").append(path).append("}}}");
                case 5, 6, 7 -> {
                    var kind = List.of("if", "with", "each").get(random.nextInt(3));
                    text.append("{{#").append(kind).append(' ').append(path).append("}}").append(template(random, depth - 1, includes));
                    if (random.nextBoolean()) {
                        text.append("{{else}}").append(template(random, depth - 1, includes));
                    }
                    text.append("{{/").append(kind).append("}}");
                }
                case 8 -> text.append(includes ? "{{> partials/p}}" : "{{n}}");
                // A kept body holding its own block recurses in Handlebars until the stack runs out.
                case 9 -> text.append(!includes ? "{{n}}"
                        : "{{#partial \"slot\"}}" + template(random, depth - 1, false) + "{{/partial}}");
                case 10 -> text.append(!includes ? "{{n}}"
                        : "{{#block \"slot\"}}" + template(random, depth - 1, false) + "{{/block}}");
                // Now and then, something outside the subset.
                default -> text.append(List.of("{{../title}}", "{{@index}}", "{{json n}}", "{{!c}}", "{{#unless flag}}u{{/unless}}")
                        .get(random.nextInt(5)));
            }
        }
        return text.toString();
    }

    /** Values of every kind templates meet: text needing escapes, numbers, truthy and falsy values, lists, maps. */
    private static Object value(SplittableRandom random, int depth) {
        return switch (random.nextInt(depth > 0 ? 12 : 9)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt(3);
            case 3 -> random.nextBoolean() ? 2.5 : 0.0;
            case 4 -> "";
            case 5 -> "A < B & \"C\" = 'D' `E`";
            case 6 -> "plain";
            case 7 -> List.of();
            case 8 -> "<b>bold</b>";
            case 9 -> context(random, depth - 1);
            case 10 -> {
                var items = new ArrayList<Object>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    items.add(random.nextInt(3) > 0 ? context(random, depth - 1) : value(random, 0));
                }
                yield items;
            }
            default -> Map.of();
        };
    }

    private static Map<String, Object> context(SplittableRandom random, int depth) {
        var context = new LinkedHashMap<String, Object>();
        for (var key : List.of("title", "url", "n", "flag", "items", "page", "site", "empty", "html")) {
            if (random.nextInt(3) > 0) {
                context.put(key, value(random, depth));
            }
        }
        return context;
    }

    /**
     * A context shaped as kiln's TemplateContext makes one, with random values where pages differ;
     * a taxonomy's page lists its terms, any other page names its own.
     */
    private static Map<String, Object> pageContext(SplittableRandom random, boolean listsTerms) {
        var site = new LinkedHashMap<String, Object>();
        site.put("title", random.nextBoolean() ? "My <site>" : "Docs & more");
        site.put("basePath", "/");
        site.put("language", "en");
        site.put("rss", "/index.xml");
        site.put("atom", "/atom.xml");
        site.put("searchIndex", random.nextBoolean() ? "/index.json" : null);
        site.put("params", random.nextBoolean() ? Map.of("footer", "Made with care") : Map.of());
        site.put("menu", List.of(link(random, "Blog", "/blog/", true), link(random, "Docs", "/docs/", false)));
        var page = new LinkedHashMap<String, Object>();
        page.put("title", random.nextBoolean() ? "A page's title" : "Q&A <1>");
        page.put("url", "/blog/a/");
        page.put("isHome", random.nextInt(6) == 0);
        if (random.nextBoolean()) {
            page.put("date", "2024-03-05");
            page.put("dateDisplay", "March 5, 2024");
        }
        page.put("description", random.nextBoolean() ? "" : "Words \"quoted\"");
        page.put("summary", "Some words of the page.");
        page.put("readingTime", random.nextInt(3));
        page.put("content", "<p>Body &amp; <em>more</em></p>");
        page.put("terms", random.nextBoolean() ? Map.of() : Map.of("tags", List.of(Map.of("name", "java", "url", "/tags/java/")),
                "categories", List.of(Map.of("name", "news", "url", "/categories/news/"))));
        page.put("toc", random.nextBoolean() ? List.of() : List.of(Map.of("level", 2, "id", "intro", "text", "Intro & why")));
        page.put("breadcrumbs", random.nextBoolean() ? List.of() : List.of(Map.of("title", "Home", "url", "/")));
        page.put("prev", random.nextBoolean() ? null : Map.of("title", "Before", "url", "/b/"));
        page.put("next", random.nextBoolean() ? null : Map.of("title", "After", "url", "/c/"));
        page.put("sectionTree", random.nextInt(3) > 0 ? null : Map.of("title", "Docs", "url", "/docs/",
                "pages", List.of(Map.of("title", "One", "url", "/docs/one/")),
                "sections", List.of(Map.of("title", "Deep", "url", "/docs/deep/", "pages", List.of(), "sections", List.of()))));
        var cards = new ArrayList<Object>();
        for (int n = random.nextInt(4); n > 0; n--) {
            var card = new LinkedHashMap<String, Object>();
            card.put("title", "Card " + n);
            card.put("url", "/c/" + n + "/");
            if (random.nextBoolean()) {
                card.put("date", "2024-01-0" + n);
                card.put("dateDisplay", "January " + n + ", 2024");
            }
            card.put("description", random.nextBoolean() ? "" : "About card " + n);
            card.put("summary", random.nextBoolean() ? "" : "Summary <" + n + ">");
            cards.add(card);
        }
        page.put("pages", cards);
        page.put("sections", random.nextBoolean() ? List.of() : List.of(Map.of("title", "Sub", "url", "/sub/")));
        if (listsTerms) {
            page.put("terms", List.of(Map.of("name", "java", "url", "/tags/java/", "count", 3)));
        }
        page.put("pager", random.nextBoolean() ? null : Map.of("prev", "/blog/", "next", "/blog/page/3/",
                "pages", List.of(Map.of("number", 1, "url", "/blog/", "current", false, "gap", false),
                        Map.of("number", 2, "url", "/blog/page/2/", "current", true, "gap", true))));
        return Map.of("site", site, "page", page);
    }

    private static Map<String, Object> link(SplittableRandom random, String title, String url, boolean mayBeActive) {
        return Map.of("title", title, "url", url, "active", mayBeActive && random.nextBoolean());
    }
}
