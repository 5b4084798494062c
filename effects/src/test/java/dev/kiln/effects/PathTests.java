package dev.kiln.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PathTests {

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "/etc/passwd", "a//b", "a/./b", "a\\b", "C:/x", "a/", "..", "."})
    void outputPathsThatCouldLeaveTheOutputFolderAreRefused(String path) {
        assertThrows(IllegalArgumentException.class, () -> OutputPath.of(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../b", "/abs", "a//b"})
    void sitePathsThatCouldLeaveTheSiteFolderAreRefused(String path) {
        assertThrows(IllegalArgumentException.class, () -> SitePath.of(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "x/..", "docs/\u65e5\u672c/../x", "a\\..\\b", "D:x"})
    void pathsRefusedWhateverTheirCharacters(String path) {
        assertThrows(IllegalArgumentException.class, () -> SitePath.of(path));
        assertThrows(IllegalArgumentException.class, () -> OutputPath.of(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/..b", "..a/b", "a/b.", "docs/\u65e5\u672c\u8a9e/\u00fc.md", "\u00e9/\u2026", "x"})
    void pathsThatStayInsideAreKeptAsWritten(String path) {
        assertEquals(path, SitePath.of(path).value());
        assertEquals(path, OutputPath.of(path).value());
    }

    @Test
    void anEmptyOutputPathIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OutputPath.of(""));
    }

    @Test
    void sitePathsKnowTheirFolderAndName() {
        var path = SitePath.of("content/blog/hello.md");
        assertEquals("hello.md", path.fileName());
        assertEquals(SitePath.of("content/blog"), path.parent());
        assertTrue(path.isInside(SitePath.of("content")));
        assertFalse(path.isInside(SitePath.of("cont")));
        assertEquals("blog/hello.md", path.relativeTo(SitePath.of("content")));
        assertEquals(SitePath.of("content/x"), SitePath.of("content").resolve("x"));
        assertTrue(path.isInside(SitePath.ROOT));
    }

    /** Paths, stamps and the questions about them are map keys everywhere: their hand-written equality is the records'. */
    @Test
    void pathsStampsAndQuestionsAreEqualByValue() {
        assertEquals(SitePath.of("content/a.md"), SitePath.of("content/" + "a.md"));
        assertEquals(SitePath.of("content/a.md").hashCode(), SitePath.of("content/" + "a.md").hashCode());
        assertNotEquals(SitePath.of("content/a.md"), SitePath.of("content/b.md"));
        assertEquals(OutputPath.of("a/index.html"), OutputPath.of("a/" + "index.html"));
        assertNotEquals(OutputPath.of("a/index.html"), SitePath.of("a/index.html"));
        assertEquals(new FileStamp(3, 4), new FileStamp(3, 4));
        assertEquals(new FileStamp(3, 4).hashCode(), new FileStamp(3, 4).hashCode());
        assertNotEquals(new FileStamp(3, 4), new FileStamp(3, 5));
        assertNotEquals(new FileStamp(3, 4), new FileStamp(2, 4));
        var path = SitePath.of("content/a.md");
        assertEquals(new StatFile(path), new StatFile(SitePath.of("content/a.md")));
        assertEquals(new FileExists(path).hashCode(), new FileExists(SitePath.of("content/a.md")).hashCode());
        assertNotEquals(new StatFile(path), new FileExists(path));
        assertNotEquals(new StatFile(path), new StatFile(SitePath.of("content/b.md")));
    }
}
