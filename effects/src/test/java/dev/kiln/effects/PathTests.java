package dev.kiln.effects;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
