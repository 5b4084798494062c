package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.CopyFile;
import dev.kiln.effects.FileExists;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import dev.kiln.testing.InMemoryFiles;
import org.junit.jupiter.api.Test;

class BuiltInThemeHandlerTests {
    private final BuiltInThemeHandler theme = BuiltInThemeHandler.standard();

    @Test
    void everyListedThemeFileShipsInTheJar() {
        assertTrue(theme.paths().contains(SitePath.of("layouts/_default/single.hbs")), theme.paths().toString());
        assertTrue(theme.paths().contains(SitePath.of("static/css/kiln-theme.css")), theme.paths().toString());
    }

    /**
     * One character beyond Latin-1 in a layout (an arrow, an ellipsis) turns every page it renders
     * into a two-byte string, which costs each page's render, its copies and its UTF-8 encoding: the
     * theme writes such characters as entities.
     */
    @Test
    void theThemesLayoutsAreAsciiSoPagesStayOneByteStrings() {
        var stack = HandlerStack.of(theme, InMemoryFiles.empty());
        var layouts = theme.paths().stream().filter(path -> path.value().endsWith(".hbs")).toList();
        assertTrue(layouts.size() > 5, layouts.toString());
        for (var layout : layouts) {
            var text = stack.run(() -> perform(new ReadFile(layout))).asUtf8();
            assertTrue(text.chars().allMatch(c -> c < 128), layout + " has a character beyond ASCII");
        }
    }

    @Test
    void aSiteFileWinsOverTheThemesAndTheThemeFillsTheRest() {
        var files = InMemoryFiles.empty().put("layouts/_default/single.hbs", "mine");
        var stack = HandlerStack.of(theme, files);
        assertEquals("mine", stack.run(() -> perform(new ReadFile(SitePath.of("layouts/_default/single.hbs")))).asUtf8());
        assertTrue(stack.run(() -> perform(new FileExists(SitePath.of("layouts/_default/list.hbs")))));
        var list = stack.run(() -> perform(new ReadFile(SitePath.of("layouts/_default/list.hbs")))).asUtf8();
        assertTrue(list.contains("{{#partial \"main\"}}"), list);
    }

    @Test
    void listingsHoldSiteAndThemeFilesAndThemeFilesCopyToTheOutput() {
        var files = InMemoryFiles.empty().put("static/site.css", "x");
        var stack = HandlerStack.of(theme, files);
        var listed = stack.run(() -> perform(new ListFiles(SitePath.of("static"))));
        assertEquals(java.util.List.of(SitePath.of("static/css/kiln-theme.css"), SitePath.of("static/js/kiln-search.js"),
                SitePath.of("static/site.css")), listed);
        stack.run(() -> perform(new CopyFile(SitePath.of("static/css/kiln-theme.css"), OutputPath.of("css/kiln-theme.css"))));
        assertTrue(files.outputText("css/kiln-theme.css").contains("prefers-color-scheme: dark"));
    }
}
