package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
    void valuesOfDifferentTypesOrShapesDiffer() {
        assertNotEquals(Fingerprint.of("1"), Fingerprint.of(1));
        assertNotEquals(Fingerprint.of(List.of("ab")), Fingerprint.of(List.of("a", "b")));
        assertNotEquals(Fingerprint.of(Map.of("a", "")), Fingerprint.of(Map.of("", "a")));
    }
}
