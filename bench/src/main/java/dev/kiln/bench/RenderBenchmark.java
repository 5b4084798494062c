package dev.kiln.bench;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.RenderMarkdown;
import dev.kiln.effects.RenderTemplate;
import dev.kiln.effects.RenderedMarkdown;
import dev.kiln.effects.SitePath;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two renders every page costs: its Markdown, and its layout (the built-in theme's single page),
 * the latter also as the UTF-8 bytes a build writes. {@code layoutCharacters} compares the theme
 * as it ships (arrows and dots written as entities) with the same layout written with the
 * characters themselves, which turn the page into a two-byte string.
 */
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

    @Param({"entities", "characters"})
    public String layoutCharacters;

    @Setup
    public void setUp() {
        var page = SyntheticSite.generate(1, 1, 1, 42).get("content/section-0/page-0.md");
        markdown = page.substring(page.indexOf("\n---\n", 4) + 5);
        var theme = BuiltInThemeHandler.standard();
        var files = InMemoryFiles.empty();
        if (layoutCharacters.equals("characters")) {
            var single = HandlerStack.of(theme, files).run(() -> perform(new ReadFile(SitePath.of("layouts/_default/single.hbs"))))
                    .asUtf8().replace("&larr;", "\u2190").replace("&rarr;", "\u2192").replace("&middot;", "\u00b7");
            files = files.put("layouts/_default/single.hbs", single);
        }
        stack = HandlerStack.of(MarkdownHandler.gitHubFlavoured(), HandlebarsHandler.create(), theme, files);
        var html = stack.run(() -> perform(new RenderMarkdown(markdown))).html();
        var site = Map.<String, Object>of("title", "Bench", "basePath", "/", "language", "en", "params", Map.of(),
                "menu", List.of(Map.of("title", "Section", "url", "/section-0/", "active", true)));
        var pageFields = Map.<String, Object>of("title", "Page 0", "url", "/section-0/page-0/", "date", "2024-01-05",
                "dateDisplay", "January 5, 2024", "tags", List.of("a", "b"), "description", "A page.", "content", html,
                "readingTime", 3, "prev", Map.of("title", "Page 1", "url", "/section-0/page-1/"),
                "next", Map.of("title", "Page 2", "url", "/section-0/page-2/"));
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

    @Benchmark
    public Bytes layoutOfATypicalPageAsUtf8() {
        return Bytes.utf8(stack.run(() -> perform(new RenderTemplate("_default/single", context))));
    }
}
