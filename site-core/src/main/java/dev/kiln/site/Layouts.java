package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.FileExists;
import dev.kiln.effects.SitePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Picks the layout of a page, looking in {@code layouts/} in a documented order: the page's own
 * {@code layout}, then its section's, then {@code _default}'s. A content page looks for
 * {@code single}, a section for {@code list}, the home page for {@code index} then {@code list},
 * the page for missing pages ({@code 404.html}) for {@code 404}, a taxonomy's index of terms for
 * {@code <taxonomy>/taxonomy} then {@code _default/taxonomy}, and a term's page for
 * {@code <taxonomy>/term}, {@code _default/term}, then {@code _default/list}.
 */
final class Layouts {
    static final String FOLDER = "layouts/";
    /** The same folder as a site path, as the build lists it. */
    static final SitePath FOLDER_PATH = SitePath.of("layouts");
    static final String SUFFIX = ".hbs";

    private Layouts() {
    }

    /** Answers the template name of the first candidate that exists; fails naming all it tried. */
    static String choose(Page page) {
        var candidates = candidates(page);
        for (var candidate : candidates) {
            if (perform(new FileExists(SitePath.of(FOLDER + candidate + SUFFIX)))) {
                return candidate;
            }
        }
        var looked = candidates.stream().map(name -> FOLDER + name + SUFFIX).toList();
        var what = page.layout().map(layout -> "layout '" + layout + "' not found")
                .orElse("no layout for this " + page.kind().name().toLowerCase(java.util.Locale.ROOT));
        int line = page.layout().isPresent() ? page.lineOf("layout") : 0;
        throw new SiteException(page.source(), line, what + "; looked for " + String.join(", ", looked));
    }

    /** Answers the candidates in the order they are tried. */
    static List<String> candidates(Page page) {
        var names = new LinkedHashSet<String>();
        var sections = sectionChain(page.section());
        if (page.layout().isPresent()) {
            var layout = page.layout().get();
            sections.forEach(section -> names.add(section + "/" + layout));
            names.add("_default/" + layout);
            names.add(layout);
            return List.copyOf(names);
        }
        switch (page.kind()) {
            case PAGE -> {
                sections.forEach(section -> names.add(section + "/single"));
                names.add("_default/single");
            }
            case SECTION -> {
                sections.forEach(section -> names.add(section + "/list"));
                names.add("_default/list");
            }
            case NOT_FOUND -> {
                names.add("404");
                names.add("_default/404");
            }
            case HOME -> {
                names.add("index");
                names.add("_default/index");
                names.add("_default/list");
            }
            case TAXONOMY -> {
                names.add(page.section() + "/taxonomy");
                names.add("_default/taxonomy");
            }
            case TERM -> {
                names.add(page.section() + "/term");
                names.add("_default/term");
                names.add("_default/list");
            }
        }
        return List.copyOf(names);
    }

    /** {@code docs/guide} gives {@code [docs/guide, docs]}: the most specific section first. */
    private static List<String> sectionChain(String section) {
        var chain = new ArrayList<String>();
        for (var folder = section; !folder.isEmpty(); folder = ContentDiscovery.parentOf(folder)) {
            chain.add(folder);
        }
        return chain;
    }
}
