package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AttributeValuesTests {
    @Test
    void attributesKeepEntitiesAndEscapeTheRest() {
        assertEquals("a&amp;b &amp; &lt;&quot;&gt; &amp;x; &amp;#; &#65; &#x4A; &AMP; &amp;#xG;",
                AttributeValues.escaped("a&b & <\"> &x; &#; &#65; &#x4A; &AMP; &#xG;"));
    }

    @Test
    void randomValuesAreEscapedAsFlexmarkEscapesThem() {
        var random = new SplittableRandom(11);
        var pieces = new String[] {"&", "&amp;", "&#", "&#x", "&#12;", "&#x1F;", "&#xZ;", "&a;", "&ab;", "&AB1;", ";", "<", ">",
            "\"", "'", "a", "Z", "9", " ", "é", "&" + "x".repeat(31) + ";", "&" + "x".repeat(33) + ";", "&#123456789;"};
        for (int i = 0; i < 5000; i++) {
            var value = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(Escaping.escapeHtml(value, true), AttributeValues.escaped(value), value.toString());
        }
    }
}
