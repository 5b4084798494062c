package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsers are reused from one load to the next: nothing of one document may reach the next. */
class YamlTextTests {
    @Test
    void aParserReusedAfterADocumentOrAFailureParsesTheNextAsAFreshOneWould() {
        var first = YamlText.parseMapping("title: One\ntags: [a, b]\nbase: &shared {x: 1}\nuse: *shared\n", "a.md", 2);
        assertEquals(Map.of("title", "One", "tags", List.of("a", "b"), "base", Map.of("x", 1), "use", Map.of("x", 1)), first);
        // The anchor of the document before is not known in the next one.
        var unknown = assertThrows(SiteException.class, () -> YamlText.parseMapping("use: *shared\n", "b.md", 2));
        assertTrue(unknown.getMessage().contains("bad YAML"), unknown.getMessage());
        var broken = assertThrows(SiteException.class, () -> YamlText.parseMapping("title: [unclosed\n", "c.md", 2));
        assertTrue(broken.getMessage().contains("bad YAML"), broken.getMessage());
        for (int i = 0; i < 3; i++) {
            assertEquals(first, YamlText.parseMapping("title: One\ntags: [a, b]\nbase: &shared {x: 1}\nuse: *shared\n", "a.md", 2));
            assertEquals(Map.of("date", "2024-01-31"), YamlText.parseMapping("date: 2024-01-31\n", "d.md", 2));
        }
    }
}
