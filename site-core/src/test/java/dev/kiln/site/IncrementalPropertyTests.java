package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.testing.FixtureSites;
import dev.kiln.testing.InMemoryFiles;
import dev.kiln.testing.SyntheticSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The proof that incremental builds are correct: after any sequence of edits, an incremental
 * build's output is byte-identical to a clean build of the same files.
 */
class IncrementalPropertyTests {
    private static final int SEQUENCES = 200;
    private static final int EDITS_PER_SEQUENCE = 6;
    /** A partial that shows a data value and an asset's URL, so that their edits show in every page. */
    private static final String HEAD = "<title>{{page.title}} | {{site.title}} {{site.data.info.motto}}"
            + " {{site.assets.[css/x.css]}}</title>\n";

    private static Map<String, String> startingSite(long seed) {
        var files = new TreeMap<>(FixtureSites.smallBlog());
        files.putAll(SyntheticSite.generate(10, 2, 4, seed));
        files.put("kiln.yaml", "title: Property Site\nbaseURL: https://example.org/\n");
        files.put("layouts/partials/head.hbs", HEAD);
        files.put("data/info.yaml", "motto: first\n");
        files.put("assets/css/x.css", "a { color: red; }\n");
        return files;
    }

    @Test
    void anIncrementalBuildAfterAnySequenceOfEditsEqualsACleanBuild() {
        int fromDeltas = 0;
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            var random = new Random(seed);
            var site = TestSite.of(startingSite(seed));
            if (seed % 2 == 0) {
                // As kiln serve builds: each build takes the context fingerprints the last one kept.
                site.reusingLastBuild();
            }
            // Else as kiln build builds: an edit of pages' words alone is built without the site.
            site.build();
            var history = new ArrayList<String>();
            for (int step = 0; step < EDITS_PER_SEQUENCE; step++) {
                history.add(Edit.random(random).apply(site.files, random));
                // The store this build starts from was kept as a delta of the bytes before it.
                fromDeltas += site.keepsADelta() ? 1 : 0;
                var incremental = site.build();
                var clean = TestSite.of(text(site.files));
                var fresh = clean.build();
                var context = "seed " + seed + ", edits " + history;
                assertEquals(fresh.problems(), incremental.problems(), context);
                if (fresh.problems().isEmpty()) {
                    assertEquals(clean.files.output(), site.files.output(), context);
                } else {
                    // A build with problems prunes nothing (a page that failed keeps its last good
                    // output), but everything it writes is what a clean build writes.
                    var kept = new TreeMap<>(site.files.output());
                    kept.keySet().retainAll(clean.files.output().keySet());
                    assertEquals(clean.files.output(), kept, context);
                }
            }
        }
        // Deltas are how the CLI keeps an edit's store: the sequences must have built from them.
        assertTrue(fromDeltas > SEQUENCES / 4, "builds from a delta: " + fromDeltas);
    }

    private static Map<String, String> text(InMemoryFiles files) {
        var text = new TreeMap<String, String>();
        files.siteFiles().forEach((path, bytes) -> text.put(path, bytes.asUtf8()));
        return text;
    }

    /** One kind of edit a person makes to a site. */
    private enum Edit {
        BODY(Edit::editBody),
        TITLE(Edit::editTitle),
        TAG(Edit::addTag),
        DATE(Edit::editDate),
        WEIGHT(Edit::editWeight),
        DRAFT(Edit::toggleDraft),
        ADD_PAGE(Edit::addPage),
        DELETE_PAGE(Edit::deletePage),
        RENAME_PAGE(Edit::renamePage),
        SECTION_INDEX(Edit::toggleSectionIndex),
        LAYOUT(Edit::editLayout),
        PARTIAL(Edit::editPartial),
        SECTION_LAYOUT(Edit::toggleSectionLayout),
        CONFIG(Edit::editConfig),
        STATIC(Edit::editStatic),
        BUNDLE(Edit::editBundle),
        DATA(Edit::editData),
        ASSET(Edit::editAsset),
        LINK(Edit::addLink),
        CASCADE(Edit::toggleCascade),
        SHORTCODE(Edit::addShortcode);

        private final Applier applier;

        Edit(Applier applier) {
            this.applier = applier;
        }

        static Edit random(Random random) {
            return values()[random.nextInt(values().length)];
        }

        String apply(InMemoryFiles files, Random random) {
            return name() + ":" + applier.apply(files, random);
        }

        @FunctionalInterface
        private interface Applier {
            String apply(InMemoryFiles files, Random random);
        }

        private static List<String> contentPages(InMemoryFiles files) {
            return files.siteFiles().keySet().stream()
                    .filter(path -> path.startsWith("content/") && path.endsWith(".md") && !path.endsWith("/_index.md"))
                    .toList();
        }

        private static String pick(List<String> paths, Random random) {
            return paths.isEmpty() ? null : paths.get(random.nextInt(paths.size()));
        }

        private static String change(InMemoryFiles files, String path, Function<String, String> change) {
            if (path != null) {
                files.put(path, change.apply(files.siteFiles().get(path).asUtf8()));
            }
            return String.valueOf(path);
        }

        /** Sets a top-level front matter key, adding front matter where the page has none. */
        private static String withKey(String text, String key, String value) {
            var line = key + ": " + value;
            var existing = Pattern.compile("(?m)^" + key + ":.*$");
            if (!text.startsWith("---\n")) {
                return "---\n" + line + "\n---\n" + text;
            }
            var end = text.indexOf("\n---", 3);
            var front = text.substring(0, end);
            var rest = text.substring(end);
            var matcher = existing.matcher(front);
            return (matcher.find() ? matcher.replaceFirst(line.replace("$", "\\$")) : front + "\n" + line) + rest;
        }

        private static String editBody(InMemoryFiles files, Random random) {
            return change(files, pick(contentPages(files), random), text -> text + "\nMore text " + random.nextInt(100) + ".\n");
        }

        private static String editTitle(InMemoryFiles files, Random random) {
            return change(files, pick(contentPages(files), random), text -> withKey(text, "title", "Title " + random.nextInt(50)));
        }

        private static String addTag(InMemoryFiles files, Random random) {
            return change(files, pick(contentPages(files), random), text -> withKey(text, "tags", "[t" + random.nextInt(5) + ", extra]"));
        }

        private static String editDate(InMemoryFiles files, Random random) {
            return change(files, pick(contentPages(files), random),
                    // Some dates lie after the fixed clock's now (2026-01-01): those pages wait.
                    text -> withKey(text, "date", (2025 + random.nextInt(2)) + "-0" + (1 + random.nextInt(9)) + "-1"
                            + random.nextInt(10)));
        }

        private static String editWeight(InMemoryFiles files, Random random) {
            return change(files, pick(contentPages(files), random), text -> withKey(text, "weight", String.valueOf(random.nextInt(4))));
        }

        private static String toggleDraft(InMemoryFiles files, Random random) {
            return change(files, pick(contentPages(files), random),
                    text -> withKey(text, "draft", text.contains("draft: true") ? "false" : "true"));
        }

        private static String addPage(InMemoryFiles files, Random random) {
            var folder = List.of("content/blog", "content/section-0", "content/section-1", "content/new-section", "content")
                    .get(random.nextInt(5));
            var path = folder + "/added-" + random.nextInt(1000) + ".md";
            files.put(path, "---\ntitle: Added " + random.nextInt(100) + "\ndate: 2024-05-0" + (1 + random.nextInt(9))
                    + "\n---\nNew page.\n");
            return path;
        }

        private static String deletePage(InMemoryFiles files, Random random) {
            var path = pick(contentPages(files), random);
            if (path != null) {
                files.delete(path);
            }
            return String.valueOf(path);
        }

        private static String renamePage(InMemoryFiles files, Random random) {
            var path = pick(contentPages(files), random);
            if (path == null) {
                return "none";
            }
            var text = files.siteFiles().get(path).asUtf8();
            files.delete(path);
            var renamed = path.substring(0, path.lastIndexOf('/') + 1) + "renamed-" + random.nextInt(1000) + ".md";
            // A slug in front matter would keep the old URL; drop it so the rename moves the page.
            files.put(renamed, text.replaceAll("(?m)^slug:.*\\n", ""));
            return path + "->" + renamed;
        }

        private static String toggleSectionIndex(InMemoryFiles files, Random random) {
            var path = List.of("content/blog/_index.md", "content/section-0/_index.md", "content/_index.md").get(random.nextInt(3));
            if (files.siteFiles().containsKey(path)) {
                files.delete(path);
            } else {
                files.put(path, "---\ntitle: Index " + random.nextInt(10) + "\ndescription: d\n---\nIntro.\n");
            }
            return path;
        }

        private static String editLayout(InMemoryFiles files, Random random) {
            var path = List.of("layouts/_default/single.hbs", "layouts/_default/list.hbs", "layouts/index.hbs").get(random.nextInt(3));
            if (files.siteFiles().containsKey(path) && random.nextBoolean()) {
                files.delete(path);
                return path + " deleted";
            }
            files.put(path, "{{> partials/head}}<main data-v=\"" + random.nextInt(100) + "\">{{page.title}}{{{page.content}}}"
                    + "{{#each page.pages}}<a href=\"{{url}}\">{{title}}</a>{{/each}}</main>\n");
            return path;
        }

        private static String editPartial(InMemoryFiles files, Random random) {
            files.put("layouts/partials/head.hbs", random.nextBoolean() ? HEAD
                    : "<title>{{page.title}} #" + random.nextInt(100) + "</title>\n");
            return "layouts/partials/head.hbs";
        }

        private static String toggleSectionLayout(InMemoryFiles files, Random random) {
            var path = List.of("layouts/blog/single.hbs", "layouts/section-0/list.hbs").get(random.nextInt(2));
            if (files.siteFiles().containsKey(path)) {
                files.delete(path);
            } else {
                files.put(path, "<section-layout>{{page.title}}</section-layout>\n");
            }
            return path;
        }

        private static String editConfig(InMemoryFiles files, Random random) {
            files.put("kiln.yaml", "title: Property Site " + random.nextInt(5) + "\nbaseURL: https://example.org/\n"
                    + (random.nextBoolean() ? "paginate: " + (1 + random.nextInt(3)) + "\n" : ""));
            return "kiln.yaml";
        }

        /** Adds, changes or removes a page bundle's index or one of its files. */
        private static String editBundle(InMemoryFiles files, Random random) {
            var path = List.of("content/blog/trip/index.md", "content/blog/trip/map.svg", "content/section-0/album/index.md",
                    "content/section-0/album/photo.txt").get(random.nextInt(4));
            if (files.siteFiles().containsKey(path) && random.nextBoolean()) {
                files.delete(path);
                return path + " deleted";
            }
            files.put(path, path.endsWith(".md")
                    ? "---\ntitle: Bundle " + random.nextInt(10) + (random.nextBoolean() ? "\nslug: moved" : "") + "\n---\nText.\n"
                    : "file " + random.nextInt(100));
            return path;
        }

        private static String editData(InMemoryFiles files, Random random) {
            return putOrDelete(files, random, "data/info.yaml", "motto: m" + random.nextInt(10) + "\n");
        }

        private static String editAsset(InMemoryFiles files, Random random) {
            return putOrDelete(files, random, "assets/css/x.css", "a { color: #" + random.nextInt(10) + "; }\n");
        }

        /** Deletes a file one time in four, else writes it. */
        private static String putOrDelete(InMemoryFiles files, Random random, String path, String text) {
            if (random.nextInt(4) == 0) {
                files.delete(path);
                return path + " deleted";
            }
            files.put(path, text);
            return path;
        }

        /** Links one page to another by its source path, now and then to an anchor that may not exist. */
        private static String addLink(InMemoryFiles files, Random random) {
            var pages = contentPages(files);
            var from = pick(pages, random);
            var to = pick(pages, random);
            if (from == null) {
                return "no page";
            }
            var target = "/" + to.substring("content/".length()) + (random.nextInt(3) == 0 ? "#hello" : "");
            return change(files, from, text -> text + "\nSee [there](" + target + ").\n") + " -> " + target;
        }

        private static String toggleCascade(InMemoryFiles files, Random random) {
            var path = "content/blog/_index.md";
            var cascade = "---\ntitle: Blog\ncascade:\n  tags: [cascaded]\n  weight: " + random.nextInt(3) + "\n---\n";
            var current = files.siteFiles().get(path);
            files.put(path, current != null && current.asUtf8().contains("cascade") ? "---\ntitle: Blog\n---\n" : cascade);
            return path;
        }

        private static String addShortcode(InMemoryFiles files, Random random) {
            var name = random.nextInt(4) == 0 ? "nosuch" : "figure";
            return change(files, pick(contentPages(files), random),
                    text -> text + "\n{{< " + name + " src=\"/p" + random.nextInt(5) + ".png\" >}}\n") + " " + name;
        }

        private static String editStatic(InMemoryFiles files, Random random) {
            var path = "static/extra-" + random.nextInt(3) + ".txt";
            if (files.siteFiles().containsKey(path) && random.nextBoolean()) {
                files.delete(path);
                return path + " deleted";
            }
            files.put(path, "static " + random.nextInt(100));
            return path;
        }
    }
}
