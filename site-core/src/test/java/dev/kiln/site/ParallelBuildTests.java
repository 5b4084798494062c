package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.handlers.ParallelHandler;
import dev.kiln.testing.SyntheticSite;
import org.junit.jupiter.api.Test;

class ParallelBuildTests {

    @Test
    void oneThreadAndEightThreadsAndVirtualThreadsWriteTheSameBytes() {
        var files = SyntheticSite.generate(300, 5, 12, 3);
        var sequential = TestSite.of(files);
        sequential.build();
        var pooled = TestSite.of(files).withParallel(() -> ParallelHandler.pool(8));
        pooled.build();
        var virtual = TestSite.of(files).withParallel(ParallelHandler::virtualThreads);
        virtual.build();
        assertEquals(sequential.files.output(), pooled.files.output());
        assertEquals(sequential.files.output(), virtual.files.output());
        // At least the pages, sections, home, 404.html, sitemap.xml and robots.txt, besides
        // feeds, term pages and pages of lists.
        assertTrue(sequential.files.output().size() > 300 + 5 + 1 + 3, "" + sequential.files.output().size());
    }
}
