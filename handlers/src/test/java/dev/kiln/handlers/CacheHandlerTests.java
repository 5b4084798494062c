package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.RenderMarkdown;
import dev.kiln.testing.RecordingHandler;
import org.junit.jupiter.api.Test;

class CacheHandlerTests {

    @Test
    void theSameMarkdownIsRenderedOnceAndAnsweredFromMemoryAfter() {
        var cache = CacheHandler.inMemory();
        var reaching = new RecordingHandler();
        var stack = HandlerStack.of(cache, reaching, MarkdownHandler.gitHubFlavoured());
        var first = stack.run(() -> perform(new RenderMarkdown("# Title")));
        var second = stack.run(() -> perform(new RenderMarkdown("# Title")));
        stack.run(() -> perform(new RenderMarkdown("# Other")));
        assertEquals(first, second);
        assertEquals(2, reaching.effectsOf(RenderMarkdown.class).size());
        assertEquals(1, cache.hits());
        assertEquals(2, cache.misses());
    }

    @Test
    void aCacheUntilAskedAgainHandsAnAnswerOverOnceAndForgetsIt() {
        var cache = CacheHandler.untilAskedAgain();
        var reaching = new RecordingHandler();
        var stack = HandlerStack.of(cache, reaching, MarkdownHandler.gitHubFlavoured());
        var first = stack.run(() -> perform(new RenderMarkdown("# Title")));
        var second = stack.run(() -> perform(new RenderMarkdown("# Title")));
        stack.run(() -> perform(new RenderMarkdown("# Title")));
        assertEquals(first, second);
        assertEquals(2, reaching.effectsOf(RenderMarkdown.class).size(), "the third ask renders again");
        assertEquals(1, cache.hits());
        assertEquals(2, cache.misses());
    }
}
