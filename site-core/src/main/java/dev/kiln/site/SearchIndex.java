package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Codec;
import dev.kiln.effects.Fnv1a;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.SpliceOutputFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

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
        return contentOf(page, Map.of());
    }

    /**
     * Reads a page's content file and answers the plain text the index holds of it: the one
     * {@code known} holds for the file where it was made from the same bytes, else made again.
     */
    static String contentOf(Page page, Map<SitePath, ContentDiscovery.PlainTextOf> known) {
        var file = SitePath.of(page.source());
        // Read all the same: the index's trace holds the file as an input.
        var content = perform(new ReadFile(file));
        var plainText = known.get(file);
        return plainText != null && plainText.sha256().equals(content.sha256()) ? plainText.text()
                : PlainText.of(SourceText.bodyOf(content.asUtf8()));
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

    /**
     * The index's bytes and where each entry lies in them.
     *
     * @param bytes the index as JSON
     * @param layout where its entries lie
     */
    record Written(Bytes bytes, Layout layout) {
    }

    /** Answers the index as JSON, one entry per page with its plain-text content, and its layout. */
    static Written written(List<Page> pages, List<String> contents) {
        var entries = new ArrayList<byte[]>(pages.size());
        var keys = new long[pages.size()];
        var lengths = new int[pages.size()];
        // The brackets, the line's end and a comma between two entries.
        int size = 3 + Math.max(0, pages.size() - 1);
        for (int i = 0; i < pages.size(); i++) {
            var entry = entryJson(pages.get(i), contents.get(i)).getBytes(StandardCharsets.UTF_8);
            entries.add(entry);
            keys[i] = keyOf(pages.get(i));
            lengths[i] = entry.length;
            size += entry.length;
        }
        var bytes = new byte[size];
        int at = 0;
        bytes[at++] = '[';
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                bytes[at++] = ',';
            }
            System.arraycopy(entries.get(i), 0, bytes, at, entries.get(i).length);
            at += entries.get(i).length;
        }
        bytes[at++] = ']';
        bytes[at] = '\n';
        return new Written(Bytes.wrap(bytes), new Layout(keys, lengths));
    }

    /**
     * Answers the splice that gives each page of {@code pages} the entry with the content
     * {@code contents} holds for it, and the layout after it; nothing where the layout has no entry
     * for one of them. Each part expects the entry's fields as {@link #entry} makes them, so that
     * the splice fails, writing nothing, on an index that is not as the layout says.
     */
    static Optional<Spliced> spliced(Layout layout, List<Page> pages, List<String> contents) {
        var replaced = new TreeMap<Integer, Page>();
        var replacements = new TreeMap<Integer, Bytes>();
        for (int i = 0; i < pages.size(); i++) {
            var entry = layout.entryOf(pages.get(i));
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            replaced.put(entry.getAsInt(), pages.get(i));
            replacements.put(entry.getAsInt(), Bytes.utf8(entryJson(pages.get(i), contents.get(i))));
        }
        var parts = new ArrayList<SpliceOutputFile.Part>();
        var lengths = layout.lengths.clone();
        long start = 1;
        int passed = 0;
        for (var entry : replaced.entrySet()) {
            for (; passed < entry.getKey(); passed++) {
                start += layout.lengths[passed] + 1;
            }
            var empty = entryJson(entry.getValue(), "");
            // Everything up to the content's opening quote: the fields the entry is found by.
            var head = Bytes.utf8(empty.substring(0, empty.length() - 2));
            var replacement = replacements.get(entry.getKey());
            parts.add(new SpliceOutputFile.Part(start, start + layout.lengths[passed], head, replacement));
            lengths[passed] = replacement.size();
        }
        return Optional.of(new Spliced(new SpliceOutputFile(OUTPUT, parts), new Layout(layout.keys, lengths)));
    }

    /**
     * A splice of the index and the layout it leaves.
     *
     * @param splice the splice
     * @param layout where the entries lie after it
     */
    record Spliced(SpliceOutputFile splice, Layout layout) {
    }

    /** Answers the key of a page's entry: a 64-bit FNV-1a hash of its content file's path. */
    static long keyOf(Page page) {
        return Fnv1a.hash64(page.source());
    }

    /**
     * Where the index's entries lie: each page's key and the length of its entry in bytes, in the
     * order the index lists them (after the opening bracket, a comma between two). The index's
     * trace keeps it, so that an edit of some pages' words replaces their entries without reading
     * the index into memory or searching it (30 MB for 10,000 pages).
     */
    static final class Layout {
        /** Its codec: the number of entries, then each entry's key and length. */
        static final Codec<Layout> CODEC = new Codec<>() {
            @Override
            public Bytes encode(Layout layout) {
                return Bytes.written(out -> {
                    out.writeInt(layout.keys.length);
                    for (int i = 0; i < layout.keys.length; i++) {
                        out.writeLong(layout.keys[i]);
                        out.writeInt(layout.lengths[i]);
                    }
                });
            }

            @Override
            public Layout decode(Bytes bytes) {
                return bytes.read(in -> {
                    int count = in.readInt();
                    if (count < 0 || count != (bytes.size() - 4) / 12) {
                        throw new java.io.IOException("a layout of " + count + " entries in " + bytes.size() + " bytes");
                    }
                    var keys = new long[count];
                    var lengths = new int[count];
                    for (int i = 0; i < count; i++) {
                        keys[i] = in.readLong();
                        lengths[i] = in.readInt();
                    }
                    return new Layout(keys, lengths);
                });
            }
        };

        private final long[] keys;
        private final int[] lengths;

        private Layout(long[] keys, int[] lengths) {
            this.keys = keys;
            this.lengths = lengths;
        }

        /** Answers how many entries the index has. */
        int size() {
            return keys.length;
        }

        /** Answers the length in bytes of an entry. */
        int length(int entry) {
            return lengths[entry];
        }

        /** Answers which entry is the page's, if the index has one. */
        OptionalInt entryOf(Page page) {
            long key = keyOf(page);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return OptionalInt.of(i);
                }
            }
            return OptionalInt.empty();
        }
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
