package dev.kiln.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class Fnv1aTests {

    @Test
    void hashesAsTheReferenceVectorsSay() {
        // FNV-1a 64 of the empty string and of "a" (one byte, one char alike).
        assertEquals(0xcbf29ce484222325L, Fnv1a.hash64(""));
        assertEquals(0xaf63dc4c8601ec8cL, Fnv1a.hash64("a"));
        assertEquals(0x85944171f73967e8L, Fnv1a.hash64("foobar"));
        assertNotEquals(Fnv1a.hash64("content/a.md"), Fnv1a.hash64("content/b.md"));
    }
}
