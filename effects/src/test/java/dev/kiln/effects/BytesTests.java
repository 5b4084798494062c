package dev.kiln.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void regionMatchesComparesARunWithTheStartOfAnArray() {
        var text = Bytes.utf8("abcdef");
        byte[] block = {'c', 'd', 'x'};
        assertTrue(text.regionMatches(2, block, 2));
        assertFalse(text.regionMatches(2, block, 3), "the third byte differs");
        assertFalse(text.regionMatches(1, block, 2));
        assertTrue(text.regionMatches(6, block, 0), "nothing matches at the end");
        assertFalse(text.regionMatches(5, block, 2), "a run past the end is no match");
        assertFalse(text.regionMatches(-1, block, 1));
    }

    @Test
    void replacedSplicesInOtherBytesOfAnyLength() {
        var text = Bytes.utf8("[one,two,three]");
        assertEquals(Bytes.utf8("[one,2,three]"), text.replaced(5, 8, Bytes.utf8("2")));
        assertEquals(Bytes.utf8("[one,twenty-two,three]"), text.replaced(5, 8, Bytes.utf8("twenty-two")));
        assertEquals(Bytes.utf8("x[one,two,three]"), text.replaced(0, 0, Bytes.utf8("x")));
        assertEquals(Bytes.utf8("[one,two,three]"), text, "the original is left as it was");
    }

    @Test
    void writtenAnswersWhatEachWriterWroteThoughTheBufferIsReused() {
        var first = Bytes.written(out -> out.writeUTF("first"));
        var second = Bytes.written(out -> out.writeInt(7));
        assertEquals(Bytes.of(new byte[] {0, 5, 'f', 'i', 'r', 's', 't'}), first, "not overwritten by the next writer");
        assertEquals(Bytes.of(new byte[] {0, 0, 0, 7}), second);
    }

    @Test
    void aWriterThatEncodesInsideGetsABufferOfItsOwn() {
        var outer = Bytes.written(out -> {
            out.writeByte(1);
            var inner = Bytes.written(in -> in.writeByte(2));
            out.write(inner.toArray());
            out.writeByte(3);
        });
        assertEquals(Bytes.of(new byte[] {1, 2, 3}), outer);
    }

    @Test
    void aLargeWriterLeavesNothingForTheNext() {
        var large = Bytes.written(out -> out.write(new byte[3 << 20]));
        assertEquals(3 << 20, large.size());
        assertEquals(Bytes.of(new byte[] {9}), Bytes.written(out -> out.writeByte(9)));
    }
}
