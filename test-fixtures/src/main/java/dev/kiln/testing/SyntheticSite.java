package dev.kiln.testing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Generates a site of any size for tests and benchmarks: the same arguments always give the same
 * files. Pages are spread over sections, carry tags and dates, and have Markdown bodies with
 * headings, lists, a table, code and links.
 *
 * @since 0.1
 */
public final class SyntheticSite {
    private static final List<String> WORDS = List.of(
            "kiln", "effect", "handler", "page", "render", "build", "static", "site", "template",
            "markdown", "section", "trace", "cache", "layout", "theme", "content", "output", "pure");

    private SyntheticSite() {
    }

    /**
     * Answers the files of a site, path (relative to the site folder) to text.
     *
     * @param pages how many content pages
     * @param sections how many top-level sections they are spread over (at least 1)
     * @param tags how many distinct tags there are (at least 1)
     * @param seed the seed of the random choices
     */
    public static Map<String, String> generate(int pages, int sections, int tags, long seed) {
        if (pages < 0 || sections < 1 || tags < 1) {
            throw new IllegalArgumentException("need pages >= 0, sections >= 1, tags >= 1");
        }
        var random = new SplittableRandom(seed);
        var files = new TreeMap<String, String>();
        files.put("kiln.yaml", "title: Synthetic Site\nbaseURL: https://synthetic.example/\n");
        for (int s = 0; s < sections; s++) {
            files.put("content/section-" + s + "/_index.md",
                    "---\ntitle: Section " + s + "\nweight: " + s + "\n---\nPages of section " + s + ".\n");
        }
        for (int p = 0; p < pages; p++) {
            int section = p % sections;
            files.put("content/section-" + section + "/page-" + p + ".md", page(p, pages, sections, tags, random));
        }
        return files;
    }

    private static String page(int index, int pages, int sections, int tags, SplittableRandom random) {
        var date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
        var tag1 = "tag-" + random.nextInt(tags);
        var tag2 = "tag-" + random.nextInt(tags);
        var body = new StringBuilder();
        body.append("---\ntitle: Page ").append(index).append(' ').append(words(random, 3))
                .append("\ndate: ").append(date)
                .append("\ntags: [").append(tag1).append(", ").append(tag2).append("]")
                .append("\ndescription: ").append(words(random, 8)).append("\n---\n\n");
        int paragraphs = 2 + random.nextInt(4);
        for (int i = 0; i < paragraphs; i++) {
            body.append("## ").append(capitalized(words(random, 3))).append("\n\n");
            body.append(capitalized(words(random, 40 + random.nextInt(40)))).append(".\n\n");
            body.append("- ").append(words(random, 4)).append("\n- **").append(words(random, 2))
                    .append("** and `code`\n\n");
        }
        if (pages > 1) {
            int other = random.nextInt(pages);
            body.append("See [page ").append(other).append("](/section-").append(other % sections)
                    .append("/page-").append(other).append("/).\n\n");
        }
        body.append("| name | value |\n|---|---|\n| ").append(words(random, 1)).append(" | ")
                .append(random.nextInt(1000)).append(" |\n\n");
        body.append("```java\nclass Page").append(index).append(" {}\n```\n");
        return body.toString();
    }

    private static String words(SplittableRandom random, int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.toString();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
