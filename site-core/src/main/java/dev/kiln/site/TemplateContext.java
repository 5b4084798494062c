package dev.kiln.site;

import dev.kiln.effects.OutputPath;
import dev.kiln.effects.RenderedMarkdown;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Builds what templates see: {@code site} (title, base URL, menu, top-level sections, taxonomies,
 * data files, asset URLs, params) and {@code page} (its fields, its rendered content, navigation
 * and, for list pages, the pages, sections or terms it lists, a page of them at a time). Values
 * are plain maps, lists and strings, so that any template engine can read them and the same site
 * always gives the same context.
 */
final class TemplateContext {
    /** The whole site; null in a context made {@link #forOnePage for one page}. */
    private final Site site;
    private final SiteConfig config;
    private final DateTimeFormatter displayDate;
    /**
     * Each page's summary, made when first asked for: on the build's workers rather than one
     * after another before they start.
     */
    private final Map<OutputPath, Map<String, Object>> summaries = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<MenuEntry> menu;
    private final Map<String, Object> siteFields;
    private final Map<String, Page> sectionPages = new HashMap<>();
    private final Map<OutputPath, Page[]> neighbours = new HashMap<>();
    private final Map<String, Map<String, Object>> trees = new HashMap<>();
    private final Map<OutputPath, Site.Term> terms = new HashMap<>();
    private final Map<String, Page> taxonomyPages = new HashMap<>();
    private final Map<OutputPath, String> summaryHashes = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The menus pages see, by which of its entries are active (a bit each): every page's context
     * and fingerprint showed a menu made afresh, and a site's pages see only a handful of them.
     */
    private final Map<Long, List<Map<String, Object>>> menus = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Page> recentPages;
    private final String siteFieldsHash;
    /** Each term's path, worked out once: the summaries of a term's pages all need it. */
    private final Map<String, String> termPaths = new java.util.concurrent.ConcurrentHashMap<>();
    /** The surroundings of pages given rather than worked out from the site, by output. */
    private final Map<OutputPath, Surroundings> given;

    TemplateContext(Site site, Map<String, Object> data, Map<String, String> assets) {
        this.site = site;
        this.config = site.config();
        this.given = Map.of();
        this.displayDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(config.locale());
        var outputs = new java.util.HashSet<OutputPath>();
        for (var page : site.pages()) {
            // Pages that clash (the build reports it) share a summary: the last one's, as it always was.
            if (!outputs.add(page.output())) {
                summaries.put(page.output(), summary(page));
            }
            if (page.kind() == Page.Kind.SECTION || page.kind() == Page.Kind.HOME) {
                sectionPages.put(page.section(), page);
            } else if (page.kind() == Page.Kind.TAXONOMY) {
                taxonomyPages.put(page.section(), page);
            }
        }
        site.pagesBySection().values().forEach(pages -> {
            for (int i = 0; i < pages.size(); i++) {
                neighbours.put(pages.get(i).output(),
                        new Page[] {i > 0 ? pages.get(i - 1) : null, i + 1 < pages.size() ? pages.get(i + 1) : null});
            }
        });
        site.taxonomies().values().forEach(list -> list.forEach(term -> terms.put(term.page().output(), term)));
        for (var top : site.sectionsIn("")) {
            if (Boolean.TRUE.equals(top.params().get("sidebar"))) {
                trees.put(top.section(), tree(top));
            }
        }
        this.menu = menu(site);
        this.siteFields = siteFields(site, data, assets);
        this.siteFieldsHash = Fingerprint.of(siteFields);
        this.recentPages = recent(site.contentPages(), config.homePages());
    }

    private TemplateContext(SiteConfig config, SiteParts parts, Page page, Surroundings around) {
        this.site = null;
        this.config = config;
        this.given = Map.of(page.output(), around);
        this.displayDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(config.locale());
        this.trees.putAll(parts.trees());
        this.menu = parts.menu();
        this.siteFields = parts.siteFields();
        this.siteFieldsHash = Fingerprint.of(siteFields);
        this.recentPages = List.of();
    }

    /**
     * Answers the context of one content page without the site: what the site shows every page
     * ({@code parts}) and what it shows around this one ({@code around}), both as an earlier build
     * of the same site recorded them. It gives {@link #of} and {@link #fingerprint} for that page
     * alone, as the whole site's context would where the site is the same but for the page's words.
     */
    static TemplateContext forOnePage(SiteConfig config, SiteParts parts, Page page, Surroundings around) {
        if (page.kind() != Page.Kind.PAGE) {
            throw new IllegalArgumentException("only a content page's context stands without its site: " + page.source());
        }
        return new TemplateContext(config, parts, page, around);
    }

    /**
     * What the site shows every page: its fields (config, data, assets, top sections), the menu,
     * and the section trees of docs sidebars by top section.
     *
     * @param siteFields the {@code site} fields but for the menu
     * @param menu the menu's entries
     * @param trees the sidebar trees, by top section
     */
    record SiteParts(Map<String, Object> siteFields, List<MenuEntry> menu, Map<String, Map<String, Object>> trees) {
    }

    /**
     * What a page's context shows of the pages around it.
     *
     * @param breadcrumbs the sections above it, as links
     * @param tree the top section whose sidebar tree it shows, or null
     * @param prev the page before it in its section, as a link, or null
     * @param next the page after it, or null
     */
    record Surroundings(List<Map<String, Object>> breadcrumbs, String tree, Map<String, Object> prev,
            Map<String, Object> next) {
    }

    /** Answers what every page's context shows of the site. */
    SiteParts parts() {
        return new SiteParts(siteFields, menu, OrderedMaps.copyOf(new java.util.TreeMap<>(trees)));
    }

    /** Answers what a page's context shows of the pages around it. */
    Surroundings surroundingsOf(Page page) {
        var around = given.get(page.output());
        if (around != null) {
            return around;
        }
        var top = page.section().contains("/") ? page.section().substring(0, page.section().indexOf('/')) : page.section();
        var tree = (page.kind() == Page.Kind.PAGE || page.kind() == Page.Kind.SECTION) && trees.containsKey(top) ? top : null;
        Map<String, Object> prev = null;
        Map<String, Object> next = null;
        if (page.kind() == Page.Kind.PAGE) {
            var neighbours = this.neighbours.get(page.output());
            if (neighbours != null && neighbours[0] != null) {
                prev = link(neighbours[0]);
            }
            if (neighbours != null && neighbours[1] != null) {
                next = link(neighbours[1]);
            }
        }
        return new Surroundings(breadcrumbs(page), tree, prev, next);
    }

    /** How many pages on each side of the current one a pager lists (besides the first and last). */
    static final int PAGER_NEIGHBOURS = 2;

    /** What a page's context holds before its Markdown is rendered: what its trace fingerprints. */
    static final RenderedMarkdown NOT_RENDERED = new RenderedMarkdown("", List.of());

    /** Answers the whole context of one page of a page's list ({@code pageNumber} 1 is the first). */
    Map<String, Object> of(Page page, RenderedMarkdown rendered, int pageNumber) {
        var context = new LinkedHashMap<String, Object>();
        context.put("site", withMenu(page));
        context.put("page", pageFields(page, rendered, pageNumber, this::summaries));
        return context;
    }

    /**
     * Answers the fingerprint of what a page's template sees besides its rendered Markdown: what
     * its trace compares. It tells apart what a fingerprint of {@link #of} would, at a fraction of
     * the cost: the site's fields and each listed page's summary are hashed once per build and
     * stand in the tree as their hashes (in {@code kiln serve}, hashing whole contexts took 40 % of
     * a rebuild).
     */
    String fingerprint(Page page, int pageNumber) {
        var siteView = new LinkedHashMap<String, Object>();
        siteView.put("fields", siteFieldsHash);
        siteView.put("menu", menuOf(page));
        var view = new LinkedHashMap<String, Object>();
        view.put("site", siteView);
        view.put("page", pageFields(page, NOT_RENDERED, pageNumber, this::summaryHashes));
        return Fingerprint.of(view);
    }

    /** Answers the hash of what every page's template sees of the site (config, data, assets, sections). */
    String siteFieldsHash() {
        return siteFieldsHash;
    }

    private List<String> summaryHashes(List<Page> pages) {
        return pages.stream()
                .map(page -> summaryHashes.computeIfAbsent(page.output(), output -> Fingerprint.of(summaryOf(page))))
                .toList();
    }

    /** Answers the pages a list page lists, all of them, in order; empty for other pages. */
    List<Page> listed(Page page) {
        return switch (page.kind()) {
            case SECTION -> site.pagesIn(page.section());
            case TERM -> terms.get(page.output()).pages();
            case HOME, PAGE, NOT_FOUND, TAXONOMY -> List.of();
        };
    }

    /** Answers how many pages a page's list takes ({@code paginate} at a time); 1 for pages without one. */
    int pagerCount(Page page) {
        int per = config.paginate();
        int listed = listed(page).size();
        return per == 0 || listed == 0 ? 1 : (listed + per - 1) / per;
    }

    /** Answers the site path (URL) of a page of a list: the page's own URL for the first. */
    static String pagerUrl(Page page, int number) {
        return number == 1 ? page.url() : page.url() + "page/" + number + "/";
    }

    /** Answers the output of a page of a list: the page's own output for the first. */
    static OutputPath pagerOutput(Page page, int number) {
        if (number == 1) {
            return page.output();
        }
        var output = page.output().value();
        var folder = output.substring(0, output.lastIndexOf('/') + 1);
        return OutputPath.of(folder + "page/" + number + "/index.html");
    }

    /**
     * The table of contents: headings from level 2 to the config's {@code tocDepth}, in order;
     * empty for a page with fewer than two, which needs none.
     */
    private List<Map<String, Object>> tableOfContents(RenderedMarkdown rendered) {
        var entries = rendered.headings().stream()
                .filter(heading -> heading.level() >= 2 && heading.level() <= config.tocDepth())
                .map(heading -> {
                    var entry = new LinkedHashMap<String, Object>();
                    entry.put("level", heading.level());
                    entry.put("text", heading.text());
                    entry.put("id", heading.id());
                    return OrderedMaps.frozen(entry);
                })
                .toList();
        return entries.size() < 2 ? List.of() : entries;
    }

    /** The tree of a top-level section for a docs sidebar: its pages and, in turn, its sections. */
    private Map<String, Object> tree(Page section) {
        var node = new LinkedHashMap<String, Object>();
        node.put("title", section.title());
        node.put("url", section.url());
        node.put("pages", site.pagesIn(section.section()).stream().map(this::link).toList());
        node.put("sections", site.sectionsIn(section.section()).stream().map(this::tree).toList());
        return OrderedMaps.frozen(node);
    }

    private Map<String, Object> link(Page page) {
        var link = new LinkedHashMap<String, Object>();
        link.put("title", page.title());
        link.put("url", page.url());
        return OrderedMaps.frozen(link);
    }

    /** The sections above a page, from the home page down: its breadcrumbs. */
    private List<Map<String, Object>> breadcrumbs(Page page) {
        var chain = new ArrayList<Map<String, Object>>();
        var folder = switch (page.kind()) {
            case PAGE -> page.section();
            case SECTION -> ContentDiscovery.parentOf(page.section());
            case TAXONOMY -> "";
            case TERM -> page.section();
            case HOME, NOT_FOUND -> null;
        };
        if (folder == null) {
            return List.of();
        }
        if (page.kind() == Page.Kind.TERM) {
            if (sectionPages.containsKey("")) {
                chain.add(link(sectionPages.get("")));
            }
            var taxonomy = taxonomyPages.get(folder);
            if (taxonomy != null) {
                chain.add(link(taxonomy));
            }
            return chain;
        }
        for (var at = folder; ; at = ContentDiscovery.parentOf(at)) {
            var section = sectionPages.get(at);
            if (section != null) {
                chain.addFirst(link(section));
            }
            if (at.isEmpty()) {
                return chain;
            }
        }
    }

    private Map<String, List<Map<String, Object>>> termLinks(Page page) {
        var links = new LinkedHashMap<String, List<Map<String, Object>>>();
        page.terms().forEach((plural, names) -> links.put(plural, names.stream().map(name -> {
            var link = new LinkedHashMap<String, Object>();
            link.put("name", name);
            link.put("url", config.basePath()
                    + termPaths.computeIfAbsent(plural + "\n" + name, key -> PageParser.termPath(plural, name)));
            return OrderedMaps.frozen(link);
        }).toList()));
        return OrderedMaps.frozen(links);
    }

    private Map<String, Object> summaryOf(Page page) {
        return summaries.computeIfAbsent(page.output(), output -> summary(page));
    }

    private Map<String, Object> summary(Page page) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("title", page.title());
        fields.put("url", page.url());
        fields.put("permalink", config.permalink(page.url()));
        fields.put("kind", page.kind().name().toLowerCase(java.util.Locale.ROOT));
        fields.put("section", page.section());
        page.date().ifPresent(date -> {
            fields.put("date", date.toLocalDate().toString());
            fields.put("dateDisplay", displayDate.format(date));
        });
        fields.put("description", page.description());
        fields.put("summary", page.summary());
        fields.put("tags", page.tags());
        fields.put("terms", termLinks(page));
        fields.put("weight", page.weight());
        return OrderedMaps.frozen(fields);
    }

    private Map<String, Object> pageFields(Page page, RenderedMarkdown rendered, int pageNumber,
            Function<List<Page>, List<?>> listing) {
        var fields = new LinkedHashMap<>(summaryOf(page));
        fields.put("isHome", page.kind() == Page.Kind.HOME);
        fields.put("isSection", page.kind() == Page.Kind.SECTION);
        fields.put("isPage", page.kind() == Page.Kind.PAGE);
        fields.put("isNotFound", page.kind() == Page.Kind.NOT_FOUND);
        fields.put("draft", page.draft());
        fields.put("file", page.source());
        fields.put("params", page.params());
        // Counts change with every edit of the body, so only the page itself shows them: lists
        // that showed them would be rebuilt on every edit.
        fields.put("wordCount", page.wordCount());
        fields.put("readingTime", page.readingTime());
        fields.put("content", rendered.html());
        fields.put("toc", tableOfContents(rendered));
        var around = surroundingsOf(page);
        fields.put("breadcrumbs", around.breadcrumbs());
        if (around.tree() != null) {
            fields.put("sectionTree", trees.get(around.tree()));
        }
        switch (page.kind()) {
            case HOME -> {
                fields.put("pages", listing.apply(recentPages));
                fields.put("sections", listing.apply(site.sectionsIn("")));
            }
            case SECTION -> {
                paginated(fields, page, pageNumber, listing);
                fields.put("sections", listing.apply(site.sectionsIn(page.section())));
            }
            case TERM -> {
                paginated(fields, page, pageNumber, listing);
                fields.put("taxonomy", page.section());
            }
            case TAXONOMY -> fields.put("terms", site.termsOf(page.section()).stream().map(term -> {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("name", term.name());
                entry.put("url", term.page().url());
                entry.put("count", term.pages().size());
                return OrderedMaps.frozen(entry);
            }).toList());
            case PAGE -> {
                if (around.prev() != null) {
                    fields.put("prev", around.prev());
                }
                if (around.next() != null) {
                    fields.put("next", around.next());
                }
            }
            case NOT_FOUND -> {
                // The missing-page page shows the menu only.
            }
        }
        return fields;
    }

    /** Puts one page of a list page's pages in its fields, and the pager that leads to the others. */
    private void paginated(Map<String, Object> fields, Page page, int number, Function<List<Page>, List<?>> listing) {
        var all = listed(page);
        int per = config.paginate();
        int total = pagerCount(page);
        var slice = per == 0 ? all : all.subList(Math.min(all.size(), (number - 1) * per), Math.min(all.size(), number * per));
        fields.put("pages", listing.apply(slice));
        var pager = new LinkedHashMap<String, Object>();
        pager.put("number", number);
        pager.put("total", total);
        pager.put("url", pagerUrl(page, number));
        pager.put("first", pagerUrl(page, 1));
        pager.put("last", pagerUrl(page, total));
        pager.put("prev", number > 1 ? pagerUrl(page, number - 1) : null);
        pager.put("next", number < total ? pagerUrl(page, number + 1) : null);
        // The first, the last and those near this one: a list of every page of a long list, on
        // every page of it, would grow with the square of its length.
        var shown = new java.util.TreeSet<Integer>(List.of(1, total));
        for (int near = Math.max(1, number - PAGER_NEIGHBOURS); near <= Math.min(total, number + PAGER_NEIGHBOURS); near++) {
            shown.add(near);
        }
        var entries = new ArrayList<Map<String, Object>>();
        int previous = 0;
        for (int n : shown) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("number", n);
            entry.put("url", pagerUrl(page, n));
            entry.put("current", n == number);
            entry.put("gap", n > previous + 1);
            entries.add(OrderedMaps.frozen(entry));
            previous = n;
        }
        pager.put("pages", List.copyOf(entries));
        fields.put("pager", total > 1 ? OrderedMaps.frozen(pager) : null);
    }

    private static List<Page> recent(List<Page> pages, int limit) {
        return pages.stream().sorted(Site.NEWEST_FIRST).limit(limit).toList();
    }

    private List<Map<String, Object>> summaries(List<Page> pages) {
        return pages.stream().map(this::summaryOf).toList();
    }

    private static List<MenuEntry> menu(Site site) {
        if (!site.config().menu().isEmpty()) {
            return site.config().menu();
        }
        var top = new ArrayList<Page>(site.sectionsIn(""));
        top.addAll(site.pagesIn(""));
        return top.stream().sorted(Site.LIST_ORDER).map(page -> new MenuEntry(page.title(), page.url())).toList();
    }

    private Map<String, Object> siteFields(Site site, Map<String, Object> data, Map<String, String> assets) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("title", config.title());
        fields.put("baseURL", config.baseURL());
        fields.put("basePath", config.basePath());
        fields.put("language", config.language());
        fields.put("params", config.params());
        fields.put("sections", summaries(site.sectionsIn("")));
        var taxonomies = new LinkedHashMap<String, Object>();
        site.taxonomies().keySet().forEach(plural -> taxonomies.put(plural, taxonomyPages.get(plural).url()));
        fields.put("taxonomies", OrderedMaps.frozen(taxonomies));
        fields.put("rss", config.basePath() + "index.xml");
        fields.put("atom", config.basePath() + "atom.xml");
        fields.put("searchIndex", config.searchIndex() ? config.basePath() + "index.json" : null);
        fields.put("data", data);
        fields.put("assets", OrderedMaps.copyOf(assets));
        return fields;
    }

    private Map<String, Object> withMenu(Page page) {
        var fields = new LinkedHashMap<>(siteFields);
        fields.put("menu", menuOf(page));
        return fields;
    }

    /** The main menu as a page sees it: the entry leading to it, or to its section, is active. */
    private List<Map<String, Object>> menuOf(Page page) {
        var basePath = config.basePath();
        if (menu.size() >= Long.SIZE) {
            return menuWith(at -> isActive(menu.get(at), page, basePath));
        }
        long active = 0;
        for (int i = 0; i < menu.size(); i++) {
            if (isActive(menu.get(i), page, basePath)) {
                active |= 1L << i;
            }
        }
        return menus.computeIfAbsent(active, bits -> menuWith(at -> (bits >>> at & 1) != 0));
    }

    private static boolean isActive(MenuEntry entry, Page page, String basePath) {
        return entry.url().equals(page.url()) || (!entry.url().equals(basePath) && page.url().startsWith(entry.url()));
    }

    private List<Map<String, Object>> menuWith(IntPredicate activeAt) {
        var items = new ArrayList<Map<String, Object>>(menu.size());
        for (int at = 0; at < menu.size(); at++) {
            var entry = menu.get(at);
            var item = new LinkedHashMap<String, Object>();
            item.put("title", entry.title());
            item.put("url", entry.url());
            item.put("active", activeAt.test(at));
            items.add(OrderedMaps.frozen(item));
        }
        return List.copyOf(items);
    }

}
