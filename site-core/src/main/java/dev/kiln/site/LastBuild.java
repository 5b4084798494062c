package dev.kiln.site;

import dev.kiln.effects.OutputPath;
import dev.kiln.effects.SitePath;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code kiln serve} keeps of its last clean build, to put an edit of a page's body on screen
 * before the incremental build that follows has checked the whole site. An edit that leaves
 * everything other outputs show of the page as it was (its title, summary, date, terms, anchors,
 * front matter) can change nothing but the page's own output and the search index, so the page
 * alone is rendered, with the context the last build would give it. The build that follows
 * still runs, checks every trace and writes the rest: this only brings the page forward. That
 * build also takes the fingerprints of the pages' contexts kept here, where the site is seen
 * alike, and hashes again only the edited pages' own.
 *
 * @since 0.1
 */
public final class LastBuild {
    private final Site site;
    private final PageParser parser;
    private final TemplateContext context;
    private final Map<String, Map<String, Object>> cascades;
    private final Map<String, Page> bySource;
    /** The fingerprint of each page's context (what its trace compares), by the output it went to. */
    private final Map<String, String> contextFingerprints;

    LastBuild(Site site, TemplateContext context, Map<String, Map<String, Object>> cascades,
            Map<String, String> contextFingerprints) {
        this.site = site;
        this.parser = new PageParser(site.config());
        this.context = context;
        this.cascades = cascades;
        this.contextFingerprints = contextFingerprints;
        this.bySource = site.pagesBySource();
    }

    /**
     * Answers the context fingerprints of this build that still hold for a new build of
     * {@code now}, by output: all of them but the edited pages' own, where the config and the
     * site's fields are the same and every page is the same or {@link #seenAlike} (so every list,
     * neighbour, breadcrumb and tree shows what it showed); none otherwise.
     */
    Map<String, String> reusableFingerprints(Site now, TemplateContext nowContext) {
        if (!nowContext.siteFieldsHash().equals(context.siteFieldsHash())
                || !now.config().fingerprint().equals(site.config().fingerprint())) {
            return Map.of();
        }
        var before = site.pages();
        var after = now.pages();
        if (before.size() != after.size()) {
            return Map.of();
        }
        var reusable = new HashMap<>(contextFingerprints);
        for (int i = 0; i < after.size(); i++) {
            var old = before.get(i);
            var page = after.get(i);
            if (old.equals(page)) {
                continue;
            }
            if (!old.output().equals(page.output()) || !seenAlike(old, page)) {
                return Map.of();
            }
            for (int number = 1; number <= nowContext.pagerCount(page); number++) {
                reusable.remove(TemplateContext.pagerOutput(page, number).value());
            }
        }
        return reusable;
    }

    /**
     * Renders the pages of edited content files, in the current handler stack, where the edits
     * changed nothing any other output shows; answers the outputs written. Answers nothing, having
     * written nothing, where it cannot vouch for the result: a file that was no page of the last
     * build (new, deleted, a draft, a section), an edit that another output shows, a broken link
     * or any other problem. The full build then does all the work and reports what is wrong.
     */
    public Optional<List<OutputPath>> renderEdited(Collection<SitePath> files) {
        var edited = new ArrayList<Page>();
        var rewrites = new ArrayList<Map<String, String>>();
        try {
            for (var file : files) {
                var old = bySource.get(file.value());
                if (old == null || old.kind() != Page.Kind.PAGE) {
                    return Optional.empty();
                }
                var page = ContentDiscovery.parseFile(parser, file, cascades);
                if (!seenAlike(old, page)) {
                    return Optional.empty();
                }
                var links = Links.check(page, bySource);
                if (!links.broken().isEmpty()) {
                    return Optional.empty();
                }
                edited.add(page);
                rewrites.add(links.rewrites());
            }
        } catch (RuntimeException e) {
            // A file that cannot be read or parsed any more: the full build says why.
            return Optional.empty();
        }
        var written = new ArrayList<OutputPath>();
        try {
            for (int i = 0; i < edited.size(); i++) {
                SiteBuild.renderPage(edited.get(i), 1, context, rewrites.get(i));
                written.add(edited.get(i).output());
            }
        } catch (RuntimeException e) {
            // A template or shortcode failed: the full build reports it and settles every output.
            return Optional.empty();
        }
        return Optional.of(List.copyOf(written));
    }

    /**
     * Renders the first {@code count} content pages (in file order) as {@link #renderEdited} would
     * after an edit of each, in the current handler stack: {@code kiln serve} does it once, in the
     * background, into a dry run, so that the code of early renders is compiled before the first
     * edit and that edit shows as fast as later ones. Answers the outputs it rendered.
     */
    public List<OutputPath> rehearse(int count) {
        var files = bySource.values().stream().filter(page -> page.kind() == Page.Kind.PAGE).map(Page::source)
                .sorted().limit(count).map(SitePath::of).toList();
        var rendered = new ArrayList<OutputPath>();
        for (var file : files) {
            renderEdited(List.of(file)).ifPresent(rendered::addAll);
        }
        return rendered;
    }

    /**
     * Answers whether every other output sees the edited page as it saw the old one: only the
     * counts of its body's words and the links it makes, which the page alone shows or uses, may
     * differ.
     */
    static boolean seenAlike(Page old, Page edited) {
        return old.equals(new Page(edited.source(), edited.kind(), edited.section(), edited.title(), edited.date(),
                edited.draft(), edited.tags(), edited.layout(), edited.weight(), edited.description(), edited.params(),
                edited.summary(), old.wordCount(), edited.url(), edited.output(), edited.aliases(), edited.keyLines(),
                edited.terms(), edited.anchors(), old.links()));
    }
}
