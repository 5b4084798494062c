package dev.kiln.site;

import dev.kiln.effects.Handler;
import dev.kiln.effects.HandlerStack;
import dev.kiln.handlers.BuiltInThemeHandler;
import dev.kiln.handlers.HandlebarsHandler;
import dev.kiln.handlers.MarkdownHandler;
import dev.kiln.handlers.ParallelHandler;
import dev.kiln.testing.FixedWorld;
import dev.kiln.testing.InMemoryFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A site in memory with the real Markdown, template and theme handlers in front: no disk. */
final class TestSite {
    final InMemoryFiles files;
    final FixedWorld world = FixedWorld.standard();
    private final List<Handler> extra = new ArrayList<>();
    private ParallelHandler parallel = ParallelHandler.sequential();

    private TestSite(InMemoryFiles files) {
        this.files = files;
    }

    static TestSite of(Map<String, String> files) {
        return new TestSite(InMemoryFiles.of(files));
    }

    TestSite withParallel(ParallelHandler handler) {
        this.parallel = handler;
        return this;
    }

    /** Puts a handler in front of the standard ones. */
    TestSite withFirst(Handler handler) {
        extra.add(handler);
        return this;
    }

    HandlerStack stack() {
        var handlers = new ArrayList<Handler>(extra);
        handlers.addAll(List.of(world, parallel, MarkdownHandler.gitHubFlavoured(), HandlebarsHandler.create(),
                BuiltInThemeHandler.standard(), files));
        return HandlerStack.of(handlers);
    }

    BuildResult build() {
        return build(BuildOptions.defaults());
    }

    BuildResult build(BuildOptions options) {
        try (var handler = parallel) {
            return stack().run(() -> SiteBuild.run(options));
        }
    }

    String output(String path) {
        return files.outputText(path);
    }
}
