package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.ChangedFiles;
import dev.kiln.effects.KeepEarlierTrace;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.Parallel;
import dev.kiln.effects.Recorded;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.Traced;
import dev.kiln.effects.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Builds an edit of some pages' words without the site. Where the only files changed since the
 * last build are content pages of it, each the same as before in everything other outputs show
 * of it ({@link LastBuild#seenAlike}: title, summary, date, terms, anchors, front matter) and
 * linking to no page it did not link to, nothing can change but those pages and the search index. Each page is
 * then parsed and rendered with the context the last build gave it, which the traces kept (the
 * site's parts in the whole build's trace, what surrounds the page in its own), and its entry of
 * the index is replaced; the whole build's trace keeps everything else it recorded.
 *
 * <p>It declines, having written nothing, wherever it cannot vouch for the result: any other
 * change, a page that was no page of the last build, a last build with problems, a file that
 * no longer parses. The whole build then runs as always. Both keep the
 * same traces, so a later build cannot tell which of the two ran.
 */
final class BodyEdits {
    private BodyEdits() {
    }

    /**
     * One edited page: its content file, the page parsed anew, what its context showed around it,
     * and its links' rewrites.
     */
    private record Edit(SitePath file, Page page, TemplateContext.Surroundings surroundings,
            Map<String, String> rewrites) {
    }

    /**
     * Builds the edit, from inside the whole build's traced computation; answers what that
     * computation answers, or nothing where the whole build must run.
     */
    static Optional<SiteRecord> build(SiteConfig config) {
        var changed = perform(new ChangedFiles());
        if (changed.isEmpty() || changed.get().files().isEmpty()) {
            return Optional.empty();
        }
        var last = perform(new Recorded<>(SiteBuild.KEY, SiteRecord.RecordCodec.INSTANCE));
        if (last.isEmpty() || !last.get().value().result().problems().isEmpty()) {
            return Optional.empty();
        }
        Optional<TemplateContext.SiteParts> parts;
        try {
            parts = last.get().value().siteParts();
        } catch (RuntimeException e) {
            // Parts that do not read back: the whole build keeps new ones.
            return Optional.empty();
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        var configFingerprint = config.fingerprint();
        var parser = new PageParser(config);
        var edits = new ArrayList<Edit>();
        var written = new ArrayList<OutputPath>();
        var tasks = new ArrayList<Supplier<Unit>>();
        try {
            for (var file : changed.get().files()) {
                var edit = edit(file, parser, configFingerprint);
                if (edit.isEmpty()) {
                    return Optional.empty();
                }
                edits.add(edit.get());
            }
            // An output not as the last build wrote it must be one written again here: an edited
            // page's (kiln serve's early render writes it first), never the index, which is patched.
            var rewritten = edits.stream().map(edit -> edit.page().output()).collect(java.util.stream.Collectors.toSet());
            if (!rewritten.containsAll(changed.get().outputs())) {
                return Optional.empty();
            }
            if (config.searchIndex()) {
                // What the index holds now is what the whole build's trace says (its check saw every
                // output as written); its own trace must say the same, for its entries to be replaced.
                var index = perform(new Recorded<>(SearchIndex.KEY, SearchIndex.Layout.CODEC));
                var now = last.get().outputs().get(SearchIndex.OUTPUT);
                if (index.isEmpty() || now == null || !now.equals(index.get().outputs().get(SearchIndex.OUTPUT))) {
                    return Optional.empty();
                }
                // Its entries show only what the edits left as it was: so is its fingerprint.
                var indexFingerprints = index.get().fingerprints();
                var layout = index.get().value();
                tasks.add(() -> {
                    perform(new Traced<>(SearchIndex.KEY, indexFingerprints, SearchIndex.Layout.CODEC,
                            () -> updateIndex(edits, layout)));
                    return Unit.UNIT;
                });
                written.add(SearchIndex.OUTPUT);
            }
            for (var edit : edits) {
                var page = edit.page();
                tasks.add(() -> {
                    var context = TemplateContext.forOnePage(config, parts.get(), page, edit.surroundings());
                    perform(SiteBuild.pageTraced(page, 1, context, configFingerprint, edit.rewrites(),
                            context.fingerprint(page, 1), new AtomicBoolean()));
                    return Unit.UNIT;
                });
                written.add(page.output());
            }
            // The index's patch and the pages' renders share nothing: on two cores, one waits for
            // neither (and the first render of a process is its slowest).
            perform(new Parallel<>(tasks));
        } catch (RuntimeException e) {
            // A file that no longer parses, a template that fails: the whole build says what is wrong.
            return Optional.empty();
        }
        perform(new KeepEarlierTrace());
        var before = last.get().value().result();
        var upToDate = new ArrayList<OutputPath>(before.upToDate());
        upToDate.addAll(before.written());
        upToDate.removeAll(new HashSet<>(written));
        upToDate.sort(null);
        written.sort(null);
        return Optional.of(new SiteRecord(new BuildResult(before.pages(), written, upToDate, List.of(), List.of()),
                last.get().value().parts()));
    }

    /** Answers an edited file's page parsed anew, where it is an edit of a page's words alone. */
    private static Optional<Edit> edit(SitePath file, PageParser parser, String configFingerprint) {
        if (!file.isInside(ContentDiscovery.CONTENT) || !file.fileName().endsWith(".md")
                || ContentDiscovery.isSectionFile(file)) {
            return Optional.empty();
        }
        var key = ContentDiscovery.parseKey(file);
        var parsed = perform(new Recorded<>(key, PageCodec.INSTANCE));
        // The front matter sections cascade to it, from their recorded parses: what the last build
        // parsed it with, as the fingerprints show (no section file changed, or this would not run).
        var cascade = ContentDiscovery.cascadeOfPage(file,
                section -> perform(new Recorded<>(ContentDiscovery.parseKey(section), PageCodec.INSTANCE))
                        .map(Recorded.Answer::value));
        var fingerprints = ContentDiscovery.parseFingerprints(configFingerprint, cascade);
        if (parsed.isEmpty() || !parsed.get().fingerprints().equals(fingerprints)) {
            return Optional.empty();
        }
        var old = parsed.get().value();
        if (old.kind() != Page.Kind.PAGE) {
            return Optional.empty();
        }
        // A page the last build rendered has a trace; a draft, a page yet to come or Markdown that is
        // no page (beside a bundle's) has none.
        var rendered = perform(new Recorded<>(pageKey(old), PageRecord.RecordCodec.INSTANCE));
        var surroundings = rendered.flatMap(answer -> answer.value().surroundings());
        if (surroundings.isEmpty()) {
            return Optional.empty();
        }
        var page = perform(new Traced<>(key, fingerprints, PageCodec.INSTANCE,
                () -> ContentDiscovery.parseFile(parser, file, Map.of(ContentDiscovery.pageFolderOf(file), cascade))));
        if (!LastBuild.seenAlike(old, page)) {
            return Optional.empty();
        }
        // Its links are checked against the pages of the last build, as the traces kept them: the
        // edits changed none of what a link finds (URLs, anchors). A broken one is left to the
        // whole build, which reports it.
        var links = Links.check(page, BodyEdits::pageOfLastBuild);
        if (!links.broken().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Edit(file, page, surroundings.get(), links.rewrites()));
    }

    /**
     * Answers the page of the last build parsed from a content file, or null: a page it rendered
     * has a trace of its render, a draft or a page yet to come has none.
     */
    private static Page pageOfLastBuild(String source) {
        try {
            var parsed = perform(new Recorded<>(ContentDiscovery.parseKey(SitePath.of(source)), PageCodec.INSTANCE));
            return parsed.filter(answer -> perform(new Recorded<>(pageKey(answer.value()), PageRecord.RecordCodec.INSTANCE))
                    .isPresent()).map(Recorded.Answer::value).orElse(null);
        } catch (IllegalArgumentException e) {
            // No path of the site at all.
            return null;
        }
    }

    private static String pageKey(Page page) {
        return SiteBuild.pageKey(page.output());
    }

    /**
     * Replaces the edited pages' entries of the search index, keeping the index's earlier trace;
     * answers where the entries lie now. The index is spliced where its layout says the entries
     * lie, a block at a time: reading it into memory, searching and writing it would cost more
     * than the rest of the edit.
     */
    private static SearchIndex.Layout updateIndex(List<Edit> edits, SearchIndex.Layout layout) {
        perform(new KeepEarlierTrace());
        var pages = edits.stream().map(Edit::page).toList();
        var contents = pages.stream().map(SearchIndex::contentOf).toList();
        var spliced = SearchIndex.spliced(layout, pages, contents)
                .orElseThrow(() -> new IllegalStateException("the search index has no entry for an edited page"));
        perform(spliced.splice());
        return spliced.layout();
    }
}
