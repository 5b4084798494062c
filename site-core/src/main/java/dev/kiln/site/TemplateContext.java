package dev.kiln.site;

import dev.kiln.effects.OutputPath;
import dev.kiln.effects.RenderedMarkdown;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds what templates see: {@code site} (title, base URL, menu, top-level sections, params) and
 * {@code page} (its fields, its rendered content and, for list pages, the pages and sections it
 * lists). Values are plain maps, lists and strings, so that any template engine can read them and
 * the same site always gives the same context.
 */
final class TemplateContext {
    private final Site site;
    private final DateTimeFormatter displayDate;
    private final Map<OutputPath, Map<String, Object>> summaries = new HashMap<>();
    private final List<MenuEntry> menu;
    private final Map<String, Object> siteFields;

    TemplateContext(Site site) {
        this.site = site;
        this.displayDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(site.config().locale());
        for (var page : site.pages()) {
            summaries.put(page.output(), summary(page));
        }
        this.menu = menu(site);
        this.siteFields = siteFields(site);
    }

    /** What a page's context holds before its Markdown is rendered: what its trace fingerprints. */
    static final RenderedMarkdown NOT_RENDERED = new RenderedMarkdown("", List.of());

    /** Answers the whole context of a page: {@code site} and {@code page}. */
    Map<String, Object> of(Page page, RenderedMarkdown rendered) {
        var context = new LinkedHashMap<String, Object>();
        context.put("site", withMenu(page));
        context.put("page", pageFields(page, rendered));
        return context;
    }

    /**
     * The table of contents: headings from level 2 to the config's {@code tocDepth}, in order;
     * empty for a page with fewer than two, which needs none.
     */
    private List<Map<String, Object>> tableOfContents(RenderedMarkdown rendered) {
        var entries = rendered.headings().stream()
                .filter(heading -> heading.level() >= 2 && heading.level() <= site.config().tocDepth())
                .map(heading -> {
                    var entry = new LinkedHashMap<String, Object>();
                    entry.put("level", heading.level());
                    entry.put("text", heading.text());
                    entry.put("id", heading.id());
                    return OrderedMaps.copyOf(entry);
                })
                .toList();
        return entries.size() < 2 ? List.of() : entries;
    }

    private Map<String, Object> summary(Page page) {
        var config = site.config();
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
        fields.put("weight", page.weight());
        return OrderedMaps.copyOf(fields);
    }

    private Map<String, Object> pageFields(Page page, RenderedMarkdown rendered) {
        // Pages that lists do not show (the missing-page page) have no summary kept for them.
        var summary = summaries.get(page.output());
        var fields = new LinkedHashMap<>(summary != null ? summary : summary(page));
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
        switch (page.kind()) {
            case HOME -> {
                fields.put("pages", summaries(recent(site.contentPages(), site.config().homePages())));
                fields.put("sections", summaries(site.sectionsIn("")));
            }
            case SECTION -> {
                fields.put("pages", summaries(site.pagesIn(page.section())));
                fields.put("sections", summaries(site.sectionsIn(page.section())));
            }
            case PAGE, NOT_FOUND -> {
                // A content page lists nothing; the missing-page page shows the menu only.
            }
        }
        return fields;
    }

    private static List<Page> recent(List<Page> pages, int limit) {
        return pages.stream()
                .sorted(Comparator.comparing((Page page) -> page.date().isEmpty())
                        .thenComparing((Page page) -> page.date().map(date -> -date.toEpochSecond()).orElse(0L))
                        .thenComparing(Page::title)
                        .thenComparing(Page::source))
                .limit(limit)
                .toList();
    }

    private List<Map<String, Object>> summaries(List<Page> pages) {
        return pages.stream().map(page -> summaries.get(page.output())).toList();
    }

    private static List<MenuEntry> menu(Site site) {
        if (!site.config().menu().isEmpty()) {
            return site.config().menu();
        }
        var top = new ArrayList<Page>(site.sectionsIn(""));
        top.addAll(site.pagesIn(""));
        return top.stream().sorted(Site.LIST_ORDER).map(page -> new MenuEntry(page.title(), page.url())).toList();
    }

    private Map<String, Object> siteFields(Site site) {
        var config = site.config();
        var fields = new LinkedHashMap<String, Object>();
        fields.put("title", config.title());
        fields.put("baseURL", config.baseURL());
        fields.put("basePath", config.basePath());
        fields.put("language", config.language());
        fields.put("params", config.params());
        fields.put("sections", summaries(site.sectionsIn("")));
        return fields;
    }

    private Map<String, Object> withMenu(Page page) {
        var fields = new LinkedHashMap<>(siteFields);
        var basePath = site.config().basePath();
        fields.put("menu", menu.stream().map(entry -> {
            var active = entry.url().equals(page.url())
                    || (!entry.url().equals(basePath) && page.url().startsWith(entry.url()));
            var item = new LinkedHashMap<String, Object>();
            item.put("title", entry.title());
            item.put("url", entry.url());
            item.put("active", active);
            return OrderedMaps.copyOf(item);
        }).toList());
        return fields;
    }
}
