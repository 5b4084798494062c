package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.jknack.handlebars.Handlebars;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link StreamedBlocks} must render every {@code if} and {@code with} exactly as Handlebars' own helpers do. */
class StreamedBlocksTests {
    /** Templates using the blocks every way the theme and users' layouts do, and some they might. */
    private static final List<String> TEMPLATES = List.of(
            "{{#if v}}yes {{v}}{{/if}}.",
            "{{#if v}}a {{name}}{{else}}b {{name}}{{/if}}",
            "{{#with v}}[{{this}}]{{else}}none{{/with}}",
            "{{#with obj}}{{url}} {{../name}} {{#if flag}}F{{else}}f{{/if}}{{/with}}",
            "{{#if v}}{{#with obj}}{{#each list}}{{this}},{{/each}}{{/with}}{{else}}{{#if obj.flag}}flag{{/if}}{{/if}}",
            "{{#with obj as |o|}}{{o.url}}|{{url}}{{/with}}",
            "{{#v}}section {{this}} {{name}}{{/v}}",
            "{{^v}}inverted{{/v}}",
            "{{#unless v}}unless {{name}}{{else}}else{{/unless}}",
            "<p>{{#if obj.list}}{{#each obj.list}}<i>{{this}}</i>{{/each}}{{/if}}{{#if name}} {{{html}}}{{/if}}</p>",
            "{{#each items}}{{#if this}}{{#with this}}<{{url}}>{{/with}}{{else}}-{{/if}}{{/each}}",
            "{{#with obj}}{{#with nested}}{{deep}} {{../url}} {{../../name}}{{/with}}{{/with}}",
            "{{#if v}}{{#if obj}}{{#if name}}three{{/if}}{{/if}}{{/if}}",
            "{{if v}}|{{with obj}}");

    private final Handlebars stock = new Handlebars().with(HtmlEscaping.INSTANCE).prettyPrint(false);
    private final Handlebars kiln = new Handlebars().with(HtmlEscaping.INSTANCE).prettyPrint(false)
            .registerHelper("each", ListEach.INSTANCE)
            .registerHelper("if", StreamedBlocks.IF)
            .registerHelper("with", StreamedBlocks.WITH);

    @Test
    void everyIfAndWithIsRenderedAsHandlebarsRendersIt() throws IOException {
        var random = new SplittableRandom(1128);
        for (var template : TEMPLATES) {
            for (int i = 0; i < 40; i++) {
                var context = context(random);
                assertEquals(stock.compileInline(template).apply(context), kiln.compileInline(template).apply(context),
                        template + " with " + context);
            }
        }
    }

    @Test
    void aBlockIsWrittenWhereItStandsBetweenTheTextAroundIt() throws IOException {
        var rendered = kiln.compileInline("a{{#if v}}b{{#with obj}}c{{url}}{{/with}}d{{else}}x{{/if}}e")
                .apply(Map.of("v", true, "obj", Map.of("url", "<u>")));
        assertEquals("abc&lt;u&gt;de", rendered);
        assertEquals("axe", kiln.compileInline("a{{#if v}}b{{else}}x{{/if}}e").apply(Map.of("v", 0)));
    }

    /** Values of every kind Handlebars tells truthy from falsy by. */
    private static final List<Object> VALUES = Arrays.asList(null, false, true, 0, 1, 2.5, "", "text", "<b>&",
            List.of(), List.of("x", "y"), Map.of(), Map.of("url", "/m/"), new Object[0], new String[] {"a"});

    private static Map<String, Object> context(SplittableRandom random) {
        var context = new HashMap<String, Object>();
        context.put("v", VALUES.get(random.nextInt(VALUES.size())));
        if (random.nextInt(4) > 0) {
            context.put("name", random.nextBoolean() ? "Site" : "A < B");
        }
        context.put("html", "<b>bold</b>");
        if (random.nextInt(4) > 0) {
            var obj = new HashMap<String, Object>();
            obj.put("url", "/p/" + random.nextInt(10) + "/");
            obj.put("flag", VALUES.get(random.nextInt(VALUES.size())));
            obj.put("list", random.nextBoolean() ? List.of("a", "b") : List.of());
            if (random.nextBoolean()) {
                obj.put("nested", Map.of("deep", "down"));
            }
            context.put("obj", obj);
        }
        var items = new ArrayList<Object>();
        for (int n = random.nextInt(4); n > 0; n--) {
            items.add(random.nextBoolean() ? Map.of("url", "/i/" + n) : VALUES.get(random.nextInt(VALUES.size())));
        }
        context.put("items", items);
        return context;
    }
}
