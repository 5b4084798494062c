package dev.kiln.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class BytesTests {

    @Test
    void bytesAreEqualWhenTheirContentIs() {
        assertEquals(Bytes.utf8("abc"), Bytes.of(new byte[] {'a', 'b', 'c'}));
        assertNotEquals(Bytes.utf8("abc"), Bytes.utf8("abd"));
    }

    @Test
    void sha256IsTheStandardDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Bytes.utf8("abc").sha256());
    }

    @Test
    void ofCopiesSoLaterChangesToTheArrayDoNotShow() {
        byte[] data = {1, 2, 3};
        var bytes = Bytes.of(data);
        data[0] = 9;
        assertEquals(1, bytes.toArray()[0]);
    }
}
