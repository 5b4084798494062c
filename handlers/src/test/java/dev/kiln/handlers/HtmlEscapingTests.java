package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** kiln's escaping of template values must give what Handlebars' default gives, only faster. */
class HtmlEscapingTests {
    private static final String ALPHABET = "<>\"'`&= abcXYZ019\n\té€😀/;#x";

    @Test
    void escapesAsHandlebarsDefaultOnRandomText() {
        var random = new SplittableRandom(27);
        for (int i = 0; i < 2_000; i++) {
            var text = new StringBuilder();
            for (int length = random.nextInt(40); text.length() < length; ) {
                text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0,
                        random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            }
            var value = text.toString();
            assertEquals(EscapingStrategy.DEF.escape(value).toString(), HtmlEscaping.INSTANCE.escape(value).toString(), value);
        }
    }

    @Test
    void keepsSafeStringsAndAnswersEmptyForNothing() {
        var safe = new Handlebars.SafeString("<b>as is</b>");
        assertEquals("<b>as is</b>", HtmlEscaping.INSTANCE.escape(safe).toString());
        assertEquals(EscapingStrategy.DEF.escape(null).toString(), HtmlEscaping.INSTANCE.escape(null).toString());
        assertEquals("", HtmlEscaping.INSTANCE.escape("").toString());
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#x27;d&#x27; &#x60;e&#x60; f&#x3D;g",
                HtmlEscaping.INSTANCE.escape("a <b> & \"c\" 'd' `e` f=g").toString());
    }
}
