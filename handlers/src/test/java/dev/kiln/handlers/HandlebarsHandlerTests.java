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
}
