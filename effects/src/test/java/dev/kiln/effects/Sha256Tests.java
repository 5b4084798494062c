package dev.kiln.effects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256Tests {

    @Test
    void hexSpellsBytesAsTheJdkDoes() {
        var random = new Random(7);
        for (int length = 0; length < 70; length++) {
            var bytes = new byte[length];
            random.nextBytes(bytes);
            var hex = Sha256.hex(bytes);
            assertEquals(HexFormat.of().formatHex(bytes), hex);
            assertArrayEquals(bytes, Sha256.bytesOfHex(hex));
            assertArrayEquals(bytes, Sha256.bytesOfHex(hex.toUpperCase()));
        }
    }

    @Test
    void aHashFedInPartsIsTheHashOfTheWhole() {
        var data = Bytes.utf8("abc").toArray();
        var hash = new Sha256().update(data, 0, 1).update(data, 1, 2).hex();
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
    }

    @Test
    void aOneShotHashIsTheHashOfItsBytesAloneOnEveryThread() throws Exception {
        var data = "xxabcxx".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        // A refused call leaves nothing behind for the next one on the same thread.
        assertThrows(RuntimeException.class, () -> Sha256.hexOf(data, 5, 9));
        assertEquals(abc, Sha256.hexOf(data, 2, 3));
        assertEquals(abc, Sha256.hexOf(data, 2, 3));
        assertEquals(new Sha256().hex(), Sha256.hexOf(data, 0, 0));
        var random = new Random(3);
        for (int length = 0; length < 200; length += 17) {
            var bytes = new byte[length];
            random.nextBytes(bytes);
            assertEquals(new Sha256().update(bytes, 0, length).hex(), Sha256.hexOf(bytes, 0, length));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 64; i++) {
                answers.add(pool.submit(() -> Sha256.hexOf(data, 2, 3)));
            }
            for (var answer : answers) {
                assertEquals(abc, answer.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0g", "zz", "0 ", "\u00e9\u00e9"})
    void textThatIsNoHexIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Sha256.bytesOfHex(text));
    }
}
