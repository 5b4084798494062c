package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** Reads a page's content file and answers the plain text the index holds of it. */
    static String contentOf(Page page) {
        return PlainText.of(SourceText.bodyOf(perform(new ReadFile(SitePath.of(page.source()))).asUtf8()));
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

    /** Where the index is written. */
    static final OutputPath OUTPUT = OutputPath.of("index.json");
    /** The key of the index's trace. */
    static final String KEY = "file:" + OUTPUT.value();

    /** Answers the index as JSON, one entry per page with its plain-text content. */
    static String json(List<Page> pages, List<String> contents) {
        var text = new StringBuilder(contents.stream().mapToInt(String::length).sum() + pages.size() * 200);
        text.append('[');
        for (int i = 0; i < pages.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(entryJson(pages.get(i), contents.get(i)));
        }
        return text.append("]\n").toString();
    }

    /**
     * Answers {@code index}, the bytes of an index this class wrote, with the entry of {@code page}
     * given new content; nothing where the index holds no entry with the fields {@link #entry}
     * makes of it (then those fields changed, and the whole index is written again).
     */
    static Optional<Bytes> withContent(Bytes index, Page page, String content) {
        var empty = entryJson(page, "");
        // Everything up to the content's opening quote: the fields the entry is found by. A quote
        // inside a JSON string is escaped, so the head, whose quotes are not, starts an entry; in
        // UTF-8 a quote or a backslash byte is always that character.
        var head = Bytes.utf8(empty.substring(0, empty.length() - 2));
        int start = index.indexOf(head, 0);
        if (start < 1 || index.at(start - 1) != '[' && index.at(start - 1) != ',') {
            return Optional.empty();
        }
        int at = start + head.size();
        while (at < index.size() && index.at(at) != '"') {
            at += index.at(at) == '\\' ? 2 : 1;
        }
        if (at + 1 >= index.size() || index.at(at + 1) != '}') {
            return Optional.empty();
        }
        return Optional.of(index.replaced(start, at + 2, Bytes.utf8(entryJson(page, content))));
    }

    /**
     * Answers one page's entry as JSON, written by Gson's streaming writer: the fields the trace
     * fingerprints, as {@link #entry} makes them, then the content.
     */
    private static String entryJson(Page page, String content) {
        var text = new java.io.StringWriter(content.length() + 200);
        try (var writer = new com.google.gson.stream.JsonWriter(text)) {
            writer.setHtmlSafe(false);
            writer.beginObject();
            for (var field : entry(page).entrySet()) {
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
            writer.name("content").value(content);
            writer.endObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a string writer does not fail", e);
        }
        return text.toString();
    }
}
