package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kiln.effects.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTests {

    @Test
    void aMapsOwnOrderDoesNotChangeItsFingerprint() {
        var forward = new LinkedHashMap<String, Object>();
        forward.put("a", 1);
        forward.put("b", List.of("x"));
        var backward = new LinkedHashMap<String, Object>();
        backward.put("b", List.of("x"));
        backward.put("a", 1);
        assertEquals(Fingerprint.of(forward), Fingerprint.of(backward));
        assertEquals(Fingerprint.of(forward), Fingerprint.of(Map.of("a", 1, "b", List.of("x"))));
    }

    @Test
    void smallAndLargeMapsAreSortedWithTheirValues() {
        var random = new java.util.Random(7);
        for (int size : new int[] {5, 32, 33, 200}) {
            var keys = new java.util.ArrayList<String>();
            for (int i = 0; i < size; i++) {
                keys.add("key-" + i);
            }
            var sorted = new java.util.TreeMap<String, Object>();
            keys.forEach(key -> sorted.put(key, key));
            for (int shuffle = 0; shuffle < 5; shuffle++) {
                java.util.Collections.shuffle(keys, random);
                var shuffled = new LinkedHashMap<String, Object>();
                keys.forEach(key -> shuffled.put(key, key));
                assertEquals(Fingerprint.of(sorted), Fingerprint.of(shuffled), "size " + size);
            }
            // Two values swapped between keys: the pairs, not just the keys and values, count.
            var swapped = new java.util.TreeMap<String, Object>(sorted);
            swapped.put("key-1", "key-2");
            swapped.put("key-2", "key-1");
            assertNotEquals(Fingerprint.of(sorted), Fingerprint.of(swapped), "size " + size);
        }
    }

    @Test
    void aFingerprintAfterALargerOneIsTheOneAFreshThreadMakes() throws InterruptedException {
        // Each thread reuses its buffer; nothing of an earlier, larger tree may count in the next.
        var large = new java.util.ArrayList<Object>();
        for (int i = 0; i < 100_000; i++) {
            large.add("item " + i);
        }
        var small = java.util.Map.of("title", "T", "tags", List.of("a", "b"));
        var fresh = new String[1];
        var thread = new Thread(() -> fresh[0] = Fingerprint.of(small));
        thread.start();
        thread.join();
        Fingerprint.of(large);
        assertEquals(fresh[0], Fingerprint.of(small));
        Fingerprint.of(List.of(large, large));
        assertEquals(fresh[0], Fingerprint.of(small));
        assertEquals(Fingerprint.of(large), Fingerprint.of(new java.util.ArrayList<>(large)));
    }

    @Test
    void valuesOfDifferentTypesOrShapesDiffer() {
        assertNotEquals(Fingerprint.of("1"), Fingerprint.of(1));
        assertNotEquals(Fingerprint.of(List.of("ab")), Fingerprint.of(List.of("a", "b")));
        assertNotEquals(Fingerprint.of(Map.of("a", "")), Fingerprint.of(Map.of("", "a")));
    }

    @Test
    void theCanonicalFormIsTypeTagsLengthsAndSortedKeys() throws IOException {
        // The form traces saved by earlier builds were compared in: it must not drift.
        var tree = new HashMap<String, Object>();
        tree.put("b", List.of("x", 1, true, 2L));
        tree.put("a", null);
        tree.put("c", Map.of("é", new byte[] {7}));
        var form = new ByteArrayOutputStream();
        var out = new DataOutputStream(form);
        out.writeByte('M');
        out.writeInt(3);
        text(out, "a");
        out.writeByte('0');
        text(out, "b");
        out.writeByte('L');
        out.writeInt(4);
        out.writeByte('S');
        text(out, "x");
        out.writeByte('I');
        text(out, "1");
        out.writeByte('T');
        out.writeByte('J');
        text(out, "2");
        text(out, "c");
        out.writeByte('M');
        out.writeInt(1);
        text(out, "é");
        out.writeByte('B');
        out.writeInt(1);
        out.writeByte(7);
        var bytes = form.toByteArray();
        assertEquals(Sha256.hexOf(bytes, 0, bytes.length), Fingerprint.of(tree));
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
