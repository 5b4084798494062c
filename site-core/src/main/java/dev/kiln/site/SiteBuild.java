package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.CopyFile;
import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.Parallel;
import dev.kiln.effects.RenderMarkdown;
import dev.kiln.effects.RenderTemplate;
import dev.kiln.effects.ReportProgress;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.WriteFile;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Builds a whole site by performing effects: reads the config and the content, renders every page
 * through its layout, writes it, and copies {@code static/}. It touches no disk, thread or clock
 * itself, so the same code runs under the CLI's stack, dry-run and in-memory tests.
 *
 * <p>A problem with one page does not stop the others: every problem is collected and reported.
 *
 * @since 0.1
 */
public final class SiteBuild {
    static final SitePath STATIC = SitePath.of("static");

    private final BuildOptions options;

    private SiteBuild(BuildOptions options) {
        this.options = options;
    }

    /** Builds the site in the current handler stack. */
    public static BuildResult run(BuildOptions options) {
        return new SiteBuild(options).run();
    }

    private BuildResult run() {
        SiteConfig config;
        try {
            config = SiteConfig.load();
        } catch (SiteException e) {
            return new BuildResult(0, List.of(), List.of(e.toProblem()));
        }
        var discovered = new ContentDiscovery(config, options).discover();
        var problems = new ArrayList<>(discovered.problems());
        var site = discovered.site();
        var jobs = new ArrayList<OutputJob>();
        site.pages().forEach(page -> jobs.add(new OutputJob(page.source(), page.output(), page, null)));
        for (var file : perform(new ListFiles(STATIC))) {
            var target = OutputPath.of(file.relativeTo(STATIC));
            jobs.add(new OutputJob(file.value(), target, null, file));
        }
        var unique = withoutClashes(jobs, problems);
        var context = new TemplateContext(site);
        var done = new AtomicInteger();
        List<Supplier<Either<BuildProblem, OutputPath>>> tasks = unique.stream()
                .<Supplier<Either<BuildProblem, OutputPath>>>map(job -> () -> {
                    var result = produce(job, context);
                    perform(new ReportProgress("build", done.incrementAndGet(), unique.size()));
                    return result;
                })
                .toList();
        var written = new ArrayList<OutputPath>();
        int pages = 0;
        var results = perform(new Parallel<>(tasks));
        for (int i = 0; i < results.size(); i++) {
            var result = results.get(i);
            result.fold(problems::add, written::add);
            if (result.isRight() && unique.get(i).page() != null) {
                pages++;
            }
        }
        written.sort(null);
        problems.sort(null);
        return new BuildResult(pages, written, problems);
    }

    /** Keeps the first job for each output path; a later one is a problem naming both sources. */
    private static List<OutputJob> withoutClashes(List<OutputJob> jobs, List<BuildProblem> problems) {
        var byOutput = new HashMap<OutputPath, OutputJob>();
        var unique = new ArrayList<OutputJob>();
        for (var job : jobs) {
            var earlier = byOutput.putIfAbsent(job.output(), job);
            if (earlier == null) {
                unique.add(job);
            } else {
                problems.add(new BuildProblem(job.source(), 0,
                        "would write " + job.output() + ", which " + earlier.source() + " writes too"));
            }
        }
        return unique;
    }

    private Either<BuildProblem, OutputPath> produce(OutputJob job, TemplateContext context) {
        try {
            if (job.page() != null) {
                renderPage(job.page(), context);
            } else {
                perform(new CopyFile(job.staticFile(), job.output()));
            }
            return Either.right(job.output());
        } catch (SiteException e) {
            return Either.left(e.toProblem());
        } catch (EffectFailedException e) {
            var file = e.file().orElse(job.source());
            var where = file.equals(job.source()) ? "" : " (building " + job.source() + ")";
            return Either.left(new BuildProblem(file, e.line(), e.problem() + where));
        } catch (RuntimeException e) {
            return Either.left(new BuildProblem(job.source(), 0, String.valueOf(e.getMessage())));
        }
    }

    private static void renderPage(Page page, TemplateContext context) {
        var layout = Layouts.choose(page);
        var html = perform(new RenderMarkdown(page.body())).html();
        Map<String, Object> values = context.of(page, html);
        var rendered = perform(new RenderTemplate(layout, values));
        perform(new WriteFile(page.output(), Bytes.utf8(rendered)));
    }

    /** One output file to produce: a page to render or a static file to copy. */
    private record OutputJob(String source, OutputPath output, Page page, SitePath staticFile) {
    }
}
