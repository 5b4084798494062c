package dev.kiln.bench;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.RenderMarkdown;
import dev.kiln.effects.RenderTemplate;
import dev.kiln.effects.RenderedMarkdown;
import dev.kiln.handlers.BuiltInThemeHandler;
import dev.kiln.handlers.HandlebarsHandler;
import dev.kiln.handlers.MarkdownHandler;
import dev.kiln.testing.InMemoryFiles;
import dev.kiln.testing.SyntheticSite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The two renders every page costs: its Markdown, and its layout (the built-in theme's single page). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {
    private String markdown;
    private HandlerStack stack;
    private Map<String, Object> context;

    @Setup
    public void setUp() {
        var page = SyntheticSite.generate(1, 1, 1, 42).get("content/section-0/page-0.md");
        markdown = page.substring(page.indexOf("\n---\n", 4) + 5);
        stack = HandlerStack.of(MarkdownHandler.gitHubFlavoured(), HandlebarsHandler.create(),
                BuiltInThemeHandler.standard(), InMemoryFiles.empty());
        var html = stack.run(() -> perform(new RenderMarkdown(markdown))).html();
        var site = Map.<String, Object>of("title", "Bench", "basePath", "/", "language", "en", "params", Map.of(),
                "menu", List.of(Map.of("title", "Section", "url", "/section-0/", "active", true)));
        var pageFields = Map.<String, Object>of("title", "Page 0", "url", "/section-0/page-0/", "date", "2024-01-05",
                "dateDisplay", "January 5, 2024", "tags", List.of("a", "b"), "description", "A page.", "content", html);
        context = Map.of("site", site, "page", pageFields);
    }

    @Benchmark
    public RenderedMarkdown markdownOfATypicalPage() {
        return stack.run(() -> perform(new RenderMarkdown(markdown)));
    }

    @Benchmark
    public String layoutOfATypicalPage() {
        return stack.run(() -> perform(new RenderTemplate("_default/single", context)));
    }
}
