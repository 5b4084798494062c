package dev.kiln.site;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The discovered site: every page to build, and how sections hold pages and other sections.
 *
 * @param config the settings
 * @param pages every page to build (content pages, section pages, the home page), sorted by output
 * @param pagesBySection the content pages directly in each section folder, in list order
 * @param sectionsBySection the sections directly in each section folder, in list order
 * @param taxonomies the terms of each taxonomy that has any, by its plural name, terms sorted by name
 * @since 0.1
 */
public record Site(SiteConfig config, List<Page> pages, Map<String, List<Page>> pagesBySection,
        Map<String, List<Page>> sectionsBySection, Map<String, List<Term>> taxonomies) {

    /**
     * The order of feeds and term lists: newest first, undated pages last, then by title. Written
     * out rather than chained from key extractors: a build sorts its 10,000 pages this way and by
     * {@link #LIST_ORDER} a dozen times, and each chained comparison boxed its keys.
     */
    static final Comparator<Page> NEWEST_FIRST = Site::compareNewestFirst;

    /**
     * One term of a taxonomy.
     *
     * @param name the term as pages write it
     * @param page its page, which lists the pages
     * @param pages the pages in it, newest first
     */
    public record Term(String name, Page page, List<Page> pages) {
        public Term {
            pages = List.copyOf(pages);
        }
    }

    /** The order of lists: weighted pages first by weight, then newest first, then by title. */
    static final Comparator<Page> LIST_ORDER = (Page a, Page b) -> {
        if ((a.weight() == 0) != (b.weight() == 0)) {
            return a.weight() == 0 ? 1 : -1;
        }
        int byWeight = Integer.compare(a.weight(), b.weight());
        return byWeight != 0 ? byWeight : compareNewestFirst(a, b);
    };

    private static int compareNewestFirst(Page a, Page b) {
        var aDate = a.date();
        var bDate = b.date();
        if (aDate.isEmpty() != bDate.isEmpty()) {
            return aDate.isEmpty() ? 1 : -1;
        }
        if (aDate.isPresent()) {
            int byDate = Long.compare(bDate.get().toEpochSecond(), aDate.get().toEpochSecond());
            if (byDate != 0) {
                return byDate;
            }
        }
        int byTitle = a.title().compareTo(b.title());
        return byTitle != 0 ? byTitle : a.source().compareTo(b.source());
    }

    public Site {
        pages = List.copyOf(pages);
        pagesBySection = OrderedMaps.copyOf(pagesBySection);
        sectionsBySection = OrderedMaps.copyOf(sectionsBySection);
        taxonomies = OrderedMaps.copyOf(taxonomies);
    }

    /** Answers the terms of a taxonomy, by its plural name (none for an unknown one). */
    public List<Term> termsOf(String taxonomy) {
        return taxonomies.getOrDefault(taxonomy, List.of());
    }

    /** Answers the content pages directly in a section folder. */
    public List<Page> pagesIn(String section) {
        return pagesBySection.getOrDefault(section, List.of());
    }

    /** Answers the sections directly in a section folder ({@code ""} for the top level). */
    public List<Page> sectionsIn(String section) {
        return sectionsBySection.getOrDefault(section, List.of());
    }

    /** Answers every content page (not section or home pages), in list order. */
    public List<Page> contentPages() {
        return pages.stream().filter(page -> page.kind() == Page.Kind.PAGE).sorted(LIST_ORDER).toList();
    }

    /** Answers the pages that have a content file of their own, by that file (what links name). */
    public Map<String, Page> pagesBySource() {
        var bySource = new HashMap<String, Page>();
        pages.stream().filter(Page::hasSourceFile).forEach(page -> bySource.put(page.source(), page));
        return bySource;
    }
}
