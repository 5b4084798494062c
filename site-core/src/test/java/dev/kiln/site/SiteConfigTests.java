package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.RecordComponent;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings' and options' descriptions, which traces hash to see whether they changed: written
 * out by hand (for speed), they must still name every component as the record's own would.
 */
class SiteConfigTests {
    /** Answers what {@link Record#toString} writes for {@code record}, by reflection over its components. */
    private static String asTheRecordWrites(Record record) {
        return Stream.of(record.getClass().getRecordComponents())
                .map(component -> component.getName() + "=" + valueOf(component, record))
                .collect(Collectors.joining(", ", record.getClass().getSimpleName() + "[", "]"));
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theConfigsDescriptionNamesEveryComponentAsTheRecordWould() {
        var defaults = SiteConfig.defaults();
        assertEquals(asTheRecordWrites(defaults), defaults.toString());
        var other = new SiteConfig("T", "https://example.org/docs/", "fr", "out", ".cache", ZoneId.of("Europe/Paris"), 3, 4,
                List.of(), Map.of("a", 1), Map.of("tag", "tags"), 7, 9, false);
        assertEquals(asTheRecordWrites(other), other.toString());
        assertNotEquals(defaults.fingerprint(), other.fingerprint());
    }

    @Test
    void theOptionsDescriptionNamesEveryComponentAsTheRecordWould() {
        for (var options : List.of(BuildOptions.defaults(), new BuildOptions(true, true, false))) {
            assertEquals(asTheRecordWrites(options), options.toString());
        }
    }
}
