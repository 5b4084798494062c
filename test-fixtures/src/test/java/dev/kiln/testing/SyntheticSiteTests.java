package dev.kiln.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SyntheticSiteTests {

    @Test
    void theSameArgumentsGiveTheSameFiles() {
        assertEquals(SyntheticSite.generate(50, 3, 5, 7), SyntheticSite.generate(50, 3, 5, 7));
    }

    @Test
    void anotherSeedGivesOtherFiles() {
        assertNotEquals(SyntheticSite.generate(50, 3, 5, 7), SyntheticSite.generate(50, 3, 5, 8));
    }

    @Test
    void everyPageAndSectionIndexIsAFile() {
        var files = SyntheticSite.generate(50, 3, 5, 7);
        // 50 pages, 3 section indexes, the config
        assertEquals(54, files.size());
        assertEquals(17, files.keySet().stream().filter(p -> p.startsWith("content/section-0/page-")).count());
    }
}
