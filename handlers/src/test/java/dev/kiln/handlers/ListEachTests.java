package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.jknack.handlebars.Handlebars;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ListEach} must render every {@code each} exactly as Handlebars' own helper does. */
class ListEachTests {
    /** Bodies of an {@code each}, using what an item's context holds. */
    private static final List<String> BODIES = List.of("<li>{{title}}</li>", "{{@index}}:{{@key}}:{{@index_1}} ",
            "{{#if @first}}[{{/if}}{{this.title}}{{#if @last}}]{{/if}}", "{{@odd}}{{@even}}|", "{{title}} of {{../name}}; ",
            "{{#each tags}}<{{this}}{{#unless @last}},{{/unless}}>{{else}}none{{/each}}", "{{{html}}}{{html}}",
            "{{#if title}}{{title}}{{else}}untitled{{/if}}", "{{this}}", "{{#with link}}<a href=\"{{url}}\">{{../title}}</a>{{/with}}");
    /** How an {@code each} opens and closes around a body. */
    private static final List<String> BLOCKS = List.of("{{#each items}}%s{{/each}}", "{{#each items}}%s{{else}}empty{{/each}}",
            "{{#each items base=1}}%s{{/each}}", "{{#each items as |item i|}}%s{{item.title}}{{i}}{{/each}}",
            "{{#items}}%s{{/items}}", "{{#each map}}%s{{@key}}{{/each}}", "{{#each missing}}%s{{else}}nothing{{/each}}");

    private final Handlebars stock = new Handlebars().with(HtmlEscaping.INSTANCE).prettyPrint(false);
    private final Handlebars kiln = new Handlebars().with(HtmlEscaping.INSTANCE).prettyPrint(false)
            .registerHelper("each", ListEach.INSTANCE);

    @Test
    void everyEachIsRenderedAsHandlebarsRendersIt() throws IOException {
        var random = new SplittableRandom(1128);
        int compared = 0;
        for (var block : BLOCKS) {
            for (var body : BODIES) {
                var template = "<ul>" + block.formatted(body) + "</ul>";
                for (int i = 0; i < 20; i++) {
                    var context = context(random);
                    assertEquals(stock.compileInline(template).apply(context), kiln.compileInline(template).apply(context), template);
                    compared++;
                }
            }
        }
        assertTrue(compared == BLOCKS.size() * BODIES.size() * 20);
    }

    @Test
    void itemsAreRenderedInOrderWithTheirPositions() throws IOException {
        var items = List.<Object>of(Map.of("title", "a"), Map.of("title", "b & c"), Map.of("title", "d"));
        var rendered = kiln.compileInline("{{#each items}}{{@index}}{{title}}{{#if @last}}.{{else}},{{/if}}{{/each}}")
                .apply(Map.of("items", items));
        assertEquals("0a,1b &amp; c,2d.", rendered);
    }

    private static Map<String, Object> context(SplittableRandom random) {
        var items = new ArrayList<Object>();
        for (int n = random.nextInt(5); n > 0; n--) {
            var item = new LinkedHashMap<String, Object>();
            if (random.nextInt(4) > 0) {
                item.put("title", random.nextBoolean() ? "Page " + n : "A < B & \"C\"");
            }
            if (random.nextBoolean()) {
                item.put("tags", random.nextBoolean() ? List.of("x", "y") : List.of());
            }
            item.put("html", "<b>" + n + "</b>");
            if (random.nextBoolean()) {
                item.put("link", Map.of("url", "/p/" + n + "/"));
            }
            items.add(random.nextInt(8) == 0 ? "plain " + n : item);
        }
        var map = new LinkedHashMap<String, Object>();
        map.put("first", Map.of("title", "one"));
        map.put("second", Map.of("title", "two"));
        return Map.of("items", items, "name", "Site", "map", map);
    }
}
