package dev.kiln.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpliceOutputFileTests {
    private static final OutputPath INDEX = OutputPath.of("index.json");

    @Test
    void partsAreReplacedWhereTheyLieInTheOriginal() {
        var splice = new SpliceOutputFile(INDEX, List.of(
                new SpliceOutputFile.Part(1, 4, Bytes.utf8("on"), Bytes.utf8("first")),
                new SpliceOutputFile.Part(9, 14, Bytes.utf8("three"), Bytes.utf8("3"))));
        assertEquals(Bytes.utf8("[first,two,3]"), splice.applyTo(Optional.of(Bytes.utf8("[one,two,three]"))));
    }

    @Test
    void aFileNotAsExpectedOrTooShortIsRefused() {
        var content = Bytes.utf8("[one,two]");
        var elsewhere = new SpliceOutputFile(INDEX, List.of(new SpliceOutputFile.Part(1, 4, Bytes.utf8("two"), Bytes.utf8("2"))));
        assertEquals("index.json: it does not hold what was expected at byte 1",
                assertThrows(EffectFailedException.class, () -> elsewhere.applyTo(Optional.of(content))).getMessage());
        assertEquals("index.json: no such file",
                assertThrows(EffectFailedException.class, () -> elsewhere.applyTo(Optional.empty())).getMessage());
        var past = new SpliceOutputFile(INDEX, List.of(new SpliceOutputFile.Part(5, 20, Bytes.utf8("t"), Bytes.utf8("2"))));
        assertEquals("index.json: it holds 9 bytes, fewer than 20",
                assertThrows(EffectFailedException.class, () -> past.applyTo(Optional.of(content))).getMessage());
    }

    @Test
    void partsMustNotOverlapNorComeOutOfOrder() {
        var first = new SpliceOutputFile.Part(1, 4, Bytes.utf8(""), Bytes.utf8(""));
        var overlapping = new SpliceOutputFile.Part(3, 5, Bytes.utf8(""), Bytes.utf8(""));
        assertThrows(IllegalArgumentException.class, () -> new SpliceOutputFile(INDEX, List.of(first, overlapping)));
        var earlier = new SpliceOutputFile.Part(0, 1, Bytes.utf8(""), Bytes.utf8(""));
        assertThrows(IllegalArgumentException.class, () -> new SpliceOutputFile(INDEX, List.of(first, earlier)));
        assertThrows(IllegalArgumentException.class, () -> new SpliceOutputFile.Part(4, 3, Bytes.utf8(""), Bytes.utf8("")));
    }
}
