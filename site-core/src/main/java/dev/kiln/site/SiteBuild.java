package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Codec;
import dev.kiln.effects.CopyFile;
import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.Parallel;
import dev.kiln.effects.PruneOutputs;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.RenderMarkdown;
import dev.kiln.effects.RenderTemplate;
import dev.kiln.effects.ReportProgress;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.Traced;
import dev.kiln.effects.Unit;
import dev.kiln.effects.WriteFile;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Builds a whole site by performing effects: reads the config and the content, renders every page
 * through its layout, writes it, copies {@code static/}, and removes the outputs of pages that are
 * gone. It touches no disk, thread or clock itself, so the same code runs under the CLI's stack,
 * dry-run and in-memory tests.
 *
 * <p>Every page and static file is a {@link Traced} computation: a tracing handler may skip one
 * whose inputs still hold. A page's inputs are its files (content, layouts) plus two fingerprints:
 * the config, and the site data its template sees (menu, lists of other pages' front matter), so
 * a body edit rebuilds that page alone while a title edit also rebuilds the lists showing it.
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

    /**
     * Builds the site in the current handler stack. The whole build is itself traced: when not one
     * of its inputs changed, a tracing handler skips it without looking at a single page's trace.
     */
    public static BuildResult run(BuildOptions options) {
        return perform(new Traced<>("site", Map.of("options", Fingerprint.of(options.toString())),
                BuildResultCodec.INSTANCE, () -> new SiteBuild(options).build()));
    }

    private BuildResult build() {
        SiteConfig config;
        try {
            perform(new ReportProgress("config", 0, 1));
            config = SiteConfig.load();
            perform(new ReportProgress("config", 1, 1));
        } catch (SiteException e) {
            return BuildResult.failed(e.toProblem());
        }
        perform(new ReportProgress("discover", 0, 1));
        var discovered = new ContentDiscovery(config, options).discover();
        perform(new ReportProgress("discover", 1, 1));
        var problems = new ArrayList<>(discovered.problems());
        var site = discovered.site();
        var jobs = new ArrayList<OutputJob>();
        site.pages().forEach(page -> jobs.add(new OutputJob.PageJob(page)));
        for (var page : site.pages()) {
            for (var alias : page.aliases()) {
                jobs.add(new OutputJob.GeneratedJob(page.source(), alias, SiteFiles.redirect(config.permalink(page.url()))));
            }
        }
        discovered.resources().forEach((file, output) -> jobs.add(new OutputJob.StaticJob(file, output)));
        for (var file : perform(new ListFiles(STATIC))) {
            jobs.add(new OutputJob.StaticJob(file, OutputPath.of(file.relativeTo(STATIC))));
        }
        var unique = withoutClashes(jobs, problems);
        // The files every site gets yield to a page or static file of the same name.
        var taken = new HashSet<OutputPath>();
        unique.forEach(job -> taken.add(job.output()));
        var notFound = new PageParser(config).notFound();
        var sitemap = SiteFiles.sitemap(site);
        for (var generated : List.of(new OutputJob.PageJob(notFound),
                new OutputJob.GeneratedJob("(sitemap)", OutputPath.of("sitemap.xml"), sitemap),
                new OutputJob.GeneratedJob("(robots.txt)", OutputPath.of("robots.txt"), SiteFiles.robots(config)))) {
            if (taken.add(generated.output())) {
                unique.add(generated);
            }
        }
        var context = new TemplateContext(site);
        var fingerprint = config.fingerprint();
        var done = new AtomicInteger();
        List<Supplier<Either<BuildProblem, Boolean>>> tasks = unique.stream()
                .<Supplier<Either<BuildProblem, Boolean>>>map(job -> () -> {
                    var result = produce(job, context, fingerprint);
                    perform(new ReportProgress("build", done.incrementAndGet(), unique.size()));
                    return result;
                })
                .toList();
        var written = new ArrayList<OutputPath>();
        var upToDate = new ArrayList<OutputPath>();
        int pages = 0;
        perform(new ReportProgress("build", 0, unique.size()));
        var results = perform(new Parallel<>(tasks));
        for (int i = 0; i < results.size(); i++) {
            var job = unique.get(i);
            var result = results.get(i);
            if (result.isLeft()) {
                problems.add(result.getLeft());
                continue;
            }
            (result.get() ? written : upToDate).add(job.output());
            if (job instanceof OutputJob.PageJob) {
                pages++;
            }
        }
        // Stale outputs are removed only after a clean build: a page that failed to parse has no
        // output path this time, and its old output must not be taken for a deleted page's.
        var meant = new HashSet<OutputPath>();
        jobs.forEach(job -> meant.add(job.output()));
        unique.forEach(job -> meant.add(job.output()));
        perform(new ReportProgress("prune", 0, 1));
        var removed = problems.isEmpty() ? perform(new PruneOutputs(meant)) : List.<OutputPath>of();
        perform(new ReportProgress("prune", 1, 1));
        written.sort(null);
        upToDate.sort(null);
        problems.sort(null);
        return new BuildResult(pages, written, upToDate, removed, problems);
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

    /** Produces one output; answers whether it was written (false: its trace held, it was up to date). */
    private Either<BuildProblem, Boolean> produce(OutputJob job, TemplateContext context, String config) {
        var ran = new AtomicBoolean();
        try {
            var traced = switch (job) {
                case OutputJob.PageJob(var page) -> new Traced<>("page:" + page.output().value(),
                        Map.of("config", config, "site data", Fingerprint.of(context.of(page, TemplateContext.NOT_RENDERED))),
                        Codec.unit(), () -> {
                            ran.set(true);
                            renderPage(page, context);
                            return Unit.UNIT;
                        });
                case OutputJob.StaticJob(var file, var output) -> new Traced<>("static:" + output.value(), Map.of(),
                        Codec.unit(), () -> {
                            ran.set(true);
                            perform(new CopyFile(file, output));
                            return Unit.UNIT;
                        });
                case OutputJob.GeneratedJob(var source, var output, var text) -> new Traced<>("file:" + output.value(),
                        Map.of("config", config, "site data", Fingerprint.of(text)), Codec.unit(), () -> {
                            ran.set(true);
                            perform(new WriteFile(output, Bytes.utf8(text)));
                            return Unit.UNIT;
                        });
            };
            perform(traced);
            return Either.right(ran.get());
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
        var body = page.hasSourceFile() ? SourceText.bodyOf(perform(new ReadFile(SitePath.of(page.source()))).asUtf8()) : "";
        var markdown = perform(new RenderMarkdown(body));
        var html = perform(new RenderTemplate(layout, context.of(page, markdown)));
        perform(new WriteFile(page.output(), Bytes.utf8(html)));
    }

    /** One output file to produce: a page to render, a static file to copy, or a file kiln writes. */
    private sealed interface OutputJob {
        /** What the job comes from, for problems: a content file, a static file, or a name in brackets. */
        String source();

        OutputPath output();

        /** A page rendered through its layout. */
        record PageJob(Page page) implements OutputJob {
            @Override
            public String source() {
                return page.source();
            }

            @Override
            public OutputPath output() {
                return page.output();
            }
        }

        /** A file of {@code static/} copied as it is. */
        record StaticJob(SitePath file, OutputPath output) implements OutputJob {
            @Override
            public String source() {
                return file.value();
            }
        }

        /** A file whose whole text kiln makes from the site (the sitemap, robots.txt). */
        record GeneratedJob(String source, OutputPath output, String text) implements OutputJob {
        }
    }
}
