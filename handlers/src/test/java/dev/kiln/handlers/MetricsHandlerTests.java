package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.effects.FileExists;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import dev.kiln.testing.InMemoryFiles;
import org.junit.jupiter.api.Test;

class MetricsHandlerTests {

    @Test
    void countsEachKindOfEffect() {
        var metrics = MetricsHandler.create();
        var stack = HandlerStack.of(metrics, InMemoryFiles.empty().put("a", "x"));
        stack.run(() -> {
            perform(new ReadFile(SitePath.of("a")));
            perform(new ReadFile(SitePath.of("a")));
            perform(new FileExists(SitePath.of("b")));
        });
        assertEquals(2, metrics.count(ReadFile.class));
        assertEquals(1, metrics.count(FileExists.class));
        assertEquals(2, metrics.metrics().size());
    }
}
