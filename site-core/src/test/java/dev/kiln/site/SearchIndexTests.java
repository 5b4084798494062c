package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Codec;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.Recorded;
import dev.kiln.effects.Unit;
import dev.kiln.handlers.TraceHandler;
import dev.kiln.testing.SyntheticSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search index's bytes and the layout its trace keeps to splice it. */
class SearchIndexTests {

    @Test
    void anIndexWithoutPagesIsAnEmptyList() {
        var written = SearchIndex.written(List.of(), List.of());
        assertEquals("[]\n", written.bytes().asUtf8());
        assertEquals(0, SearchIndex.Layout.CODEC.decode(SearchIndex.Layout.CODEC.encode(written.layout())).size());
    }

    @Test
    void theLayoutSaysWhereEachEntryLies() {
        var site = TestSite.of(SyntheticSite.generate(12, 2, 3, 4));
        assertTrue(site.build().succeeded());
        var index = site.files.output().get("index.json");
        var layout = HandlerStack.of(TraceHandler.reusing(site.lastTrace().store(), TestSite.KILN_VERSION))
                .run(() -> perform(new Recorded<>(SearchIndex.KEY, SearchIndex.Layout.CODEC))).orElseThrow().value();
        var text = index.asUtf8();
        var bytes = index.toArray();
        assertEquals(layout.size(), text.split("\\{\"title\"", -1).length - 1);
        long start = 1;
        for (int entry = 0; entry < layout.size(); entry++) {
            assertEquals('{', bytes[(int) start], "entry " + entry);
            start += layout.length(entry);
            assertEquals(entry + 1 < layout.size() ? ',' : ']', bytes[(int) start], "after entry " + entry);
            start++;
        }
        assertEquals(index.size(), start + 1, "the line ends after the bracket");
    }

    @Test
    void aPagesPlainTextFromDiscoveryIsUsedOnlyForTheBytesItWasMadeFrom() {
        var files = dev.kiln.testing.InMemoryFiles.empty().put("content/a.md", "---\ntitle: A\n---\nThe *real* words.\n");
        var page = new Page("content/a.md", Page.Kind.PAGE, "", "A", java.util.Optional.empty(), false, List.of(),
                java.util.Optional.empty(), 0, "", java.util.Map.of(), "", 0, "/a/", dev.kiln.effects.OutputPath.of("a/index.html"),
                List.of(), java.util.Map.of(), java.util.Map.of(), List.of(), List.of());
        var path = dev.kiln.effects.SitePath.of("content/a.md");
        var sha256 = files.siteFiles().get("content/a.md").sha256();
        var stack = HandlerStack.of(files);
        assertEquals("The real words.", stack.run(() -> SearchIndex.contentOf(page)));
        assertEquals("kept", stack.run(() -> SearchIndex.contentOf(page,
                java.util.Map.of(path, new ContentDiscovery.PlainTextOf(sha256, "kept")))));
        // Made from other bytes (the file changed since): made again from the file.
        assertEquals("The real words.", stack.run(() -> SearchIndex.contentOf(page,
                java.util.Map.of(path, new ContentDiscovery.PlainTextOf(Bytes.utf8("other").sha256(), "kept")))));
    }

    @Test
    void discoveryKeepsEachParsedFilesPlainTextAndTheIndexShowsIt() {
        var site = TestSite.of(SyntheticSite.generate(12, 2, 3, 4));
        assertTrue(site.build().succeeded());
        var index = site.files.output().get("index.json").asUtf8();
        for (var entry : site.files.siteFiles().entrySet()) {
            if (entry.getKey().startsWith("content/") && entry.getKey().endsWith(".md") && !entry.getKey().endsWith("_index.md")) {
                var plain = PlainText.of(SourceText.bodyOf(entry.getValue().asUtf8()));
                assertTrue(index.contains(plain.substring(0, Math.min(40, plain.length()))), entry.getKey());
            }
        }
    }

    @Test
    void bytesThatAreNoLayoutAreRefused() {
        var unit = Codec.unit().encode(Unit.UNIT);
        assertThrows(IllegalArgumentException.class, () -> SearchIndex.Layout.CODEC.decode(unit));
        assertThrows(IllegalArgumentException.class, () -> SearchIndex.Layout.CODEC.decode(Bytes.of(new byte[] {0, 0, 0, 2, 1})));
    }
}
