package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;
import dev.kiln.effects.Bytes;
import dev.kiln.effects.Codec;
import dev.kiln.effects.CopyFile;
import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.Log;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.Parallel;
import dev.kiln.effects.PruneOutputs;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.RenderMarkdown;
import dev.kiln.effects.RenderTemplate;
import dev.kiln.effects.RenderedMarkdown;
import dev.kiln.effects.ReportProgress;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.Traced;
import dev.kiln.effects.Unit;
import dev.kiln.effects.WriteFile;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
    /**
     * The search index's output, which changes with every edit of a page's words: {@code kiln
     * serve} does not reload a browser tab for it alone.
     */
    public static final OutputPath SEARCH_INDEX = SearchIndex.OUTPUT;

    static final SitePath STATIC = SitePath.of("static");
    /**
     * The folders a build lists whole, most files first, then the layouts, whose files every
     * render asks for one by one (does the site override this layout, this partial?): a file
     * handler may list them while the build reads its cache and answer from that listing
     * ({@code FileSystemHandler.listingAhead}).
     */
    public static final List<SitePath> LISTED_FOLDERS = List.of(ContentDiscovery.CONTENT, STATIC, Assets.FOLDER,
            SiteData.FOLDER, Layouts.FOLDER_PATH);
    /** How many pages' links one fork checks. */
    private static final int LINK_CHECKS_PER_FORK = 1000;

    /** The key of the whole build's trace. */
    static final String KEY = "site";

    private final BuildOptions options;
    private final Optional<LastBuild> previous;
    private final Consumer<Optional<LastBuild>> onBuilt;

    private SiteBuild(BuildOptions options, Optional<LastBuild> previous, Consumer<Optional<LastBuild>> onBuilt) {
        this.options = options;
        this.previous = previous;
        this.onBuilt = onBuilt;
    }

    /**
     * Builds the site in the current handler stack. The whole build is itself traced: when not one
     * of its inputs changed, a tracing handler skips it without looking at a single page's trace.
     * Where the only change since the last build is the words of some pages, which no other
     * output shows, it renders those pages and updates the search index without assembling the
     * site ({@link BodyEdits}).
     */
    public static BuildResult run(BuildOptions options) {
        return run(options, last -> {
        });
    }

    /**
     * Builds the site as {@link #run(BuildOptions)} does, and hands what {@code kiln serve} keeps
     * of it to {@code onBuilt}: the {@link LastBuild} of a build that ran and met no problem,
     * nothing after one that met problems. It is not called when the whole build's trace held
     * (nothing changed since the build that made the last one), nor after an edit of pages' words
     * built without the site: the last one still holds, since the edited pages differ from those
     * it keeps only in what those pages alone show ({@link LastBuild#seenAlike}).
     */
    public static BuildResult run(BuildOptions options, Consumer<Optional<LastBuild>> onBuilt) {
        return run(options, Optional.empty(), onBuilt);
    }

    /**
     * Builds the site as {@link #run(BuildOptions, Consumer)} does, taking from {@code previous}
     * (what the last build of the same site with the same options kept) the fingerprints of page
     * contexts it can vouch for: where no page changed in what other pages show, every page's
     * context is the one it was but for the edited pages' own, and only those are hashed again.
     * {@code kiln serve} passes it; a build from the command line has none.
     */
    public static BuildResult run(BuildOptions options, Optional<LastBuild> previous, Consumer<Optional<LastBuild>> onBuilt) {
        return perform(new Traced<>(KEY, Map.of("options", Fingerprint.of(options.toString())),
                SiteRecord.RecordCodec.INSTANCE, () -> new SiteBuild(options, previous, onBuilt).build())).result();
    }

    private SiteRecord build() {
        SiteConfig config;
        try {
            perform(new ReportProgress("config", 0, 1));
            config = SiteConfig.load();
            perform(new ReportProgress("config", 1, 1));
        } catch (SiteException e) {
            onBuilt.accept(Optional.empty());
            return SiteRecord.withoutParts(BuildResult.failed(e.toProblem()));
        }
        var edited = BodyEdits.build(config);
        if (edited.isPresent()) {
            return edited.get();
        }
        perform(new ReportProgress("discover", 0, 1));
        var discovered = new ContentDiscovery(config, options).discover();
        perform(new ReportProgress("discover", 1, 1));
        var problems = new ArrayList<>(discovered.problems());
        var site = discovered.site();
        perform(new ReportProgress("plan", 0, 1));
        Map<String, Object> data;
        List<Assets.Asset> assets;
        try {
            data = SiteData.load();
            assets = Assets.load();
        } catch (SiteException e) {
            problems.add(e.toProblem());
            onBuilt.accept(Optional.empty());
            return SiteRecord.withoutParts(new BuildResult(0, List.of(), List.of(), List.of(), problems));
        }
        var links = checkLinks(site, problems);
        var jobs = new ArrayList<OutputJob>();
        var context = new TemplateContext(site, data, Assets.urls(assets, config));
        for (var page : site.pages()) {
            for (int number = 1; number <= context.pagerCount(page); number++) {
                jobs.add(new OutputJob.PageJob(page, number));
            }
            for (var alias : page.aliases()) {
                jobs.add(new OutputJob.GeneratedJob(page.source(), alias, () -> SiteFiles.redirect(config.permalink(page.url()))));
            }
        }
        discovered.resources().forEach((file, output) -> jobs.add(new OutputJob.StaticJob(file, output)));
        for (var file : perform(new ListFiles(STATIC))) {
            jobs.add(new OutputJob.StaticJob(file, OutputPath.of(file.relativeTo(STATIC))));
        }
        assets.forEach(asset -> jobs.add(new OutputJob.AssetJob(asset)));
        var unique = withoutClashes(jobs, problems);
        // The files every site gets yield to a page or static file of the same name.
        var taken = new HashSet<OutputPath>();
        unique.forEach(job -> taken.add(job.output()));
        for (var generated : generatedFiles(site, config, discovered.plainTexts())) {
            if (taken.add(generated.output())) {
                unique.add(generated);
            }
        }
        var fingerprint = config.fingerprint();
        var reusable = previous.map(last -> last.reusableFingerprints(site, context)).orElse(Map.of());
        var contextFingerprints = new ConcurrentHashMap<String, String>();
        perform(new ReportProgress("plan", 1, 1));
        var done = new AtomicInteger();
        List<Supplier<Either<BuildProblem, Boolean>>> tasks = unique.stream()
                .<Supplier<Either<BuildProblem, Boolean>>>map(job -> () -> {
                    var result = produce(job, context, fingerprint, links, reusable, contextFingerprints);
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
        onBuilt.accept(problems.isEmpty()
                ? Optional.of(new LastBuild(site, context, discovered.cascades(), Map.copyOf(contextFingerprints)))
                : Optional.empty());
        return SiteRecord.of(new BuildResult(pages, written, upToDate, removed, problems), context.parts());
    }

    /**
     * The files kiln makes from the whole site: the missing-page page, the sitemap, robots.txt,
     * the feeds of the site and of each section, and the search index.
     */
    private static List<OutputJob> generatedFiles(Site site, SiteConfig config,
            Map<SitePath, ContentDiscovery.PlainTextOf> plainTexts) {
        var files = new ArrayList<OutputJob>();
        files.add(new OutputJob.PageJob(new PageParser(config).notFound(), 1));
        files.add(new OutputJob.GeneratedJob("(sitemap)", OutputPath.of("sitemap.xml"), () -> SiteFiles.sitemap(site)));
        files.add(new OutputJob.GeneratedJob("(robots.txt)", OutputPath.of("robots.txt"), () -> SiteFiles.robots(config)));
        for (var page : site.pages()) {
            if (page.kind() != Page.Kind.HOME && page.kind() != Page.Kind.SECTION) {
                continue;
            }
            Supplier<List<Page>> listed = page.kind() == Page.Kind.HOME ? site::contentPages : () -> pagesUnder(site, page.section());
            var folder = page.output().value().substring(0, page.output().value().lastIndexOf('/') + 1);
            var title = page.kind() == Page.Kind.HOME ? config.title() : page.title() + " | " + config.title();
            var rss = config.basePath() + folder + "index.xml";
            var atom = config.basePath() + folder + "atom.xml";
            files.add(new OutputJob.GeneratedJob("(feed of " + page.source() + ")", OutputPath.of(folder + "index.xml"),
                    () -> SiteFiles.rss(site, title, page.url(), rss, listed.get())));
            files.add(new OutputJob.GeneratedJob("(feed of " + page.source() + ")", OutputPath.of(folder + "atom.xml"),
                    () -> SiteFiles.atom(site, title, page.url(), atom, listed.get())));
        }
        if (config.searchIndex()) {
            files.add(new OutputJob.SearchIndexJob(SearchIndex.pagesOf(site), plainTexts));
        }
        return files;
    }

    /** Answers the content pages in a section and in the sections inside it. */
    private static List<Page> pagesUnder(Site site, String section) {
        var pages = new ArrayList<Page>(site.pagesIn(section));
        site.sectionsIn(section).forEach(inner -> pages.addAll(pagesUnder(site, inner.section())));
        return pages;
    }

    /**
     * Checks the links of every page; answers each page's rewrites. A broken link is a problem, or
     * with {@code --no-strict-links} a warning.
     */
    private Map<String, Map<String, String>> checkLinks(Site site, List<BuildProblem> problems) {
        var bySource = site.pagesBySource();
        // In file order, so that warnings come out in the same order every time.
        var linking = bySource.values().stream().filter(page -> !page.links().isEmpty())
                .sorted(Comparator.comparing(Page::source)).toList();
        List<Supplier<List<Links.Checked>>> chunks = new ArrayList<>();
        for (int from = 0; from < linking.size(); from += LINK_CHECKS_PER_FORK) {
            var part = linking.subList(from, Math.min(linking.size(), from + LINK_CHECKS_PER_FORK));
            chunks.add(() -> part.stream().map(page -> Links.check(page, bySource)).toList());
        }
        var checks = perform(new Parallel<>(chunks)).stream().flatMap(List::stream).toList();
        var rewrites = new HashMap<String, Map<String, String>>();
        for (int i = 0; i < linking.size(); i++) {
            var checked = checks.get(i);
            rewrites.put(linking.get(i).source(), checked.rewrites());
            for (var broken : checked.broken()) {
                if (options.strictLinks()) {
                    problems.add(broken);
                } else {
                    perform(new Log(Log.Level.WARN, broken.toString()));
                }
            }
        }
        return rewrites;
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
    private Either<BuildProblem, Boolean> produce(OutputJob job, TemplateContext context, String config,
            Map<String, Map<String, String>> links, Map<String, String> reusable, Map<String, String> contextFingerprints) {
        var ran = new AtomicBoolean();
        try {
            var traced = switch (job) {
                case OutputJob.PageJob(var page, var number) -> {
                    var rewrites = links.getOrDefault(page.source(), Map.of());
                    var key = job.output().value();
                    var contextFingerprint = reusable.get(key);
                    if (contextFingerprint == null) {
                        contextFingerprint = context.fingerprint(page, number);
                    }
                    contextFingerprints.put(key, contextFingerprint);
                    yield pageTraced(page, number, context, config, rewrites, contextFingerprint, ran);
                }
                case OutputJob.StaticJob(var file, var output) -> new Traced<>("static:" + output.value(), Map.of(),
                        Codec.unit(), () -> {
                            ran.set(true);
                            perform(new CopyFile(file, output));
                            return Unit.UNIT;
                        });
                case OutputJob.GeneratedJob(var source, var output, var made) -> {
                    var text = made.get();
                    yield new Traced<>("file:" + output.value(), Map.of("config", config, "site data", Fingerprint.of(text)),
                            Codec.unit(), () -> {
                                ran.set(true);
                                perform(new WriteFile(output, Bytes.utf8(text)));
                                return Unit.UNIT;
                            });
                }
                case OutputJob.AssetJob(var asset) -> new Traced<>("asset:" + asset.output().value(),
                        Map.of("content", asset.content().sha256()), Codec.unit(), () -> {
                            ran.set(true);
                            perform(new WriteFile(asset.output(), asset.content()));
                            return Unit.UNIT;
                        });
                case OutputJob.SearchIndexJob(var pages, var plainTexts) -> new Traced<>(SearchIndex.KEY,
                        Map.of("config", config, "site data", Fingerprint.of(pages.stream().map(SearchIndex::entry).toList())),
                        SearchIndex.Layout.CODEC, () -> {
                            ran.set(true);
                            List<Supplier<String>> reads = pages.stream()
                                    .<Supplier<String>>map(page -> () -> SearchIndex.contentOf(page, plainTexts)).toList();
                            var index = SearchIndex.written(pages, perform(new Parallel<>(reads)));
                            perform(new WriteFile(job.output(), index.bytes()));
                            return index.layout();
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

    /**
     * Answers the traced render of one page of a page's list. A content page's trace keeps what
     * its context showed of the pages around it, for {@link BodyEdits}.
     */
    static Traced<PageRecord> pageTraced(Page page, int number, TemplateContext context, String config,
            Map<String, String> rewrites, String contextFingerprint, AtomicBoolean ran) {
        return new Traced<>(pageKey(TemplateContext.pagerOutput(page, number)),
                Map.of("config", config, "site data", Fingerprint.of(List.of(contextFingerprint, rewrites))),
                PageRecord.RecordCodec.INSTANCE, () -> {
                    ran.set(true);
                    renderPage(page, number, context, rewrites);
                    return page.kind() == Page.Kind.PAGE && number == 1
                            ? PageRecord.of(context.surroundingsOf(page)) : PageRecord.NONE;
                });
    }

    /** Answers the key of the trace of the page rendered to {@code output}. */
    static String pageKey(OutputPath output) {
        return "page:" + output.value();
    }

    static void renderPage(Page page, int number, TemplateContext context, Map<String, String> rewrites) {
        var layout = Layouts.choose(page);
        var body = page.hasSourceFile()
                ? SourceText.bodyWithLine(perform(new ReadFile(SitePath.of(page.source()))).asUtf8())
                : new SourceText.Body("", 1);
        var prepared = Shortcodes.prepare(page.source(), body);
        var markdown = perform(new RenderMarkdown(prepared.markdown()));
        var html = markdown.html();
        if (!prepared.calls().isEmpty()) {
            var shortcodeContext = context.of(page, TemplateContext.NOT_RENDERED, number);
            var rendered = prepared.calls().stream().map(call -> renderShortcode(page, call, shortcodeContext)).toList();
            html = Shortcodes.fill(html, prepared.calls(), rendered);
        }
        html = Links.rewrite(html, rewrites);
        var full = new RenderedMarkdown(html, markdown.headings(), markdown.links());
        var output = perform(new RenderTemplate(layout, context.of(page, full, number)));
        perform(new WriteFile(TemplateContext.pagerOutput(page, number), Bytes.utf8(output)));
    }

    private static String renderShortcode(Page page, Shortcodes.Call call, Map<String, Object> pageContext) {
        var template = Layouts.FOLDER + Shortcodes.FOLDER + call.name() + Layouts.SUFFIX;
        if (!perform(new dev.kiln.effects.FileExists(SitePath.of(template)))) {
            throw new SiteException(page.source(), call.line(), "unknown shortcode '" + call.name() + "': there is no "
                    + template + " (nor one in the built-in theme)");
        }
        var values = new java.util.LinkedHashMap<String, Object>(call.arguments());
        values.put("inner", call.inner());
        values.put("page", pageContext.get("page"));
        values.put("site", pageContext.get("site"));
        try {
            return perform(new RenderTemplate(Shortcodes.FOLDER + call.name(), values));
        } catch (EffectFailedException e) {
            throw new SiteException(page.source(), call.line(), "shortcode '" + call.name() + "': " + e.getMessage());
        }
    }

    /** One output file to produce: a page to render, a file to copy, or a file kiln writes. */
    private sealed interface OutputJob {
        /** What the job comes from, for problems: a content file, a static file, or a name in brackets. */
        String source();

        OutputPath output();

        /** A page rendered through its layout; for a paginated list, one page of it (1 is the first). */
        record PageJob(Page page, int number) implements OutputJob {
            @Override
            public String source() {
                return page.source();
            }

            @Override
            public OutputPath output() {
                return TemplateContext.pagerOutput(page, number);
            }
        }

        /** A file of {@code static/} (or beside a page) copied as it is. */
        record StaticJob(SitePath file, OutputPath output) implements OutputJob {
            @Override
            public String source() {
                return file.value();
            }
        }

        /**
         * A file whose whole text kiln makes from the site (the sitemap, robots.txt, a feed),
         * made by the job, on the build's workers.
         */
        record GeneratedJob(String source, OutputPath output, Supplier<String> text) implements OutputJob {
        }

        /** A file of {@code assets/}, published under its fingerprinted name. */
        record AssetJob(Assets.Asset asset) implements OutputJob {
            @Override
            public String source() {
                return asset.source().value();
            }

            @Override
            public OutputPath output() {
                return asset.output();
            }
        }

        /**
         * The search index: it reads the content of every page it lists, and takes each one's plain
         * text from discovery where discovery made it from the same bytes.
         */
        record SearchIndexJob(List<Page> pages, Map<SitePath, ContentDiscovery.PlainTextOf> plainTexts) implements OutputJob {
            @Override
            public String source() {
                return "(search index)";
            }

            @Override
            public OutputPath output() {
                return SearchIndex.OUTPUT;
            }
        }
    }
}
