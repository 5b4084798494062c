package dev.kiln.site;

import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search index, {@code index.json}: for every page with content, its title, URL, section,
 * tags, summary and plain-text content, for a search box that runs in the browser.
 */
final class SearchIndex {
    private static final com.google.gson.Gson JSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private SearchIndex() {
    }

    /** Answers the pages the index holds, in the order it lists them. */
    static List<Page> pagesOf(Site site) {
        return site.pages().stream().filter(Page::hasSourceFile).toList();
    }

    /** What the index says of a page besides its content: what its trace fingerprints. */
    static Map<String, Object> entry(Page page) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("title", page.title());
        entry.put("url", page.url());
        entry.put("section", page.section());
        entry.put("tags", page.tags());
        entry.put("summary", page.summary());
        return entry;
    }

    /** Answers the index as JSON, one entry per page with its plain-text content. */
    static String json(List<Page> pages, List<String> contents) {
        var entries = new java.util.ArrayList<Map<String, Object>>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            var entry = entry(pages.get(i));
            entry.put("content", contents.get(i));
            entries.add(entry);
        }
        return JSON.toJson(entries) + "\n";
    }
}
