package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.effects.OutputPath;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SiteTests {
    private static Page page(String source, String title, int weight, String date) {
        return new Page(source, Page.Kind.PAGE, "blog", title,
                Optional.ofNullable(date).map(ZonedDateTime::parse), false, List.of(), Optional.empty(), weight, "",
                Map.of(), "", 0, "/" + source + "/", OutputPath.of(source + "/index.html"), List.of(), Map.of(),
                Map.of(), List.of(), List.of());
    }

    /** Pages in list order: weighted first by weight, then newest first, undated last, then title and file. */
    private static final List<Page> IN_LIST_ORDER = List.of(
            page("w-neg", "Z", -3, null),
            page("w1-new", "Z", 1, "2024-05-01T00:00:00Z"),
            page("w1-old", "A", 1, "2020-01-01T00:00:00Z"),
            page("w1-undated", "A", 1, null),
            page("w2", "A", 2, "2019-01-01T00:00:00Z"),
            page("newest", "Z", 0, "2025-01-01T12:00:00+02:00"),
            page("same-time-a", "B", 0, "2025-01-01T08:00:00Z"),
            page("same-time-b", "B", 0, "2025-01-01T09:00:00+01:00"),
            page("same-time-c", "C", 0, "2025-01-01T08:00:00Z"),
            page("older", "A", 0, "1999-12-31T23:59:59Z"),
            page("undated-a", "A", 0, null),
            page("undated-b", "A", 0, null),
            page("undated-c", "B", 0, null));

    private static List<Page> shuffledAndSorted(List<Page> pages, Comparator<Page> order, long seed) {
        var shuffled = new ArrayList<>(pages);
        Collections.shuffle(shuffled, new Random(seed));
        shuffled.sort(order);
        return shuffled;
    }

    @Test
    void listOrderPutsWeightedPagesFirstThenTheNewestThenTitlesAndFiles() {
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(IN_LIST_ORDER, shuffledAndSorted(IN_LIST_ORDER, Site.LIST_ORDER, seed));
        }
    }

    @Test
    void newestFirstIgnoresWeightsAndPutsUndatedPagesLast() {
        var expected = List.of("newest", "same-time-a", "same-time-b", "same-time-c", "w1-new", "w1-old", "w2",
                "older", "undated-a", "undated-b", "w1-undated", "undated-c", "w-neg");
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(expected, shuffledAndSorted(IN_LIST_ORDER, Site.NEWEST_FIRST, seed).stream()
                    .map(Page::source).toList());
        }
    }

    @Test
    void contentPagesAreTheSitesPagesInListOrderWithoutSectionPages() {
        var section = new Page("content/blog/_index.md", Page.Kind.SECTION, "blog", "Blog", Optional.empty(), false,
                List.of(), Optional.empty(), 0, "", Map.of(), "", 0, "/blog/", OutputPath.of("blog/index.html"),
                List.of(), Map.of(), Map.of(), List.of(), List.of());
        var pages = new ArrayList<>(IN_LIST_ORDER);
        pages.add(section);
        Collections.reverse(pages);
        var site = new Site(SiteConfig.defaults(), pages, Map.of(), Map.of(), Map.of());
        assertEquals(IN_LIST_ORDER, site.contentPages());
    }
}
