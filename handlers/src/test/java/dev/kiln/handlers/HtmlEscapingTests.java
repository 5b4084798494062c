package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlEscapingTests {
    @Test
    void escapesAsHandlebarsOwnDefaultDoes() {
        for (var text : List.of("", "plain text", "<b>\"bold\" & 'quoted'</b>", "a=b `tick`", "&amp; already",
                "ünïcödé < 😀 > end", "<", "x&")) {
            assertEquals(String.valueOf(EscapingStrategy.DEF.escape(text)), String.valueOf(HtmlEscaping.INSTANCE.escape(text)),
                    text);
        }
    }

    @Test
    void safeStringsAndTextWithNothingToEscapeAreGivenBackAsTheyAre() {
        var text = "nothing to escape here";
        assertSame(text, HtmlEscaping.INSTANCE.escape(text));
        assertEquals("<i>safe</i>", String.valueOf(HtmlEscaping.INSTANCE.escape(new Handlebars.SafeString("<i>safe</i>"))));
        assertEquals("", HtmlEscaping.INSTANCE.escape(null));
    }
}
