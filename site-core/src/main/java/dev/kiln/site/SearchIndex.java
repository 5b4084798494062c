package dev.kiln.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search index, {@code index.json}: for every page with content, its title, URL, section,
 * tags, summary and plain-text content, for a search box that runs in the browser.
 */
final class SearchIndex {
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

    /**
     * Answers the index as JSON, one entry per page with its plain-text content; written by Gson's
     * streaming writer, entry by entry, without a tree of maps for tens of megabytes of text.
     */
    static String json(List<Page> pages, List<String> contents) {
        var text = new java.io.StringWriter(contents.stream().mapToInt(String::length).sum() + pages.size() * 200);
        try (var writer = new com.google.gson.stream.JsonWriter(text)) {
            writer.setHtmlSafe(false);
            writer.beginArray();
            for (int i = 0; i < pages.size(); i++) {
                // The fields the trace fingerprints, as entry() makes them, then the content.
                writer.beginObject();
                for (var field : entry(pages.get(i)).entrySet()) {
                    writer.name(field.getKey());
                    if (field.getValue() instanceof List<?> values) {
                        writer.beginArray();
                        for (var value : values) {
                            writer.value(String.valueOf(value));
                        }
                        writer.endArray();
                    } else {
                        writer.value(String.valueOf(field.getValue()));
                    }
                }
                writer.name("content").value(contents.get(i));
                writer.endObject();
            }
            writer.endArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a string writer does not fail", e);
        }
        return text + "\n";
    }
}
