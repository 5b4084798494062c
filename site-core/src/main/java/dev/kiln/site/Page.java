package dev.kiln.site;

import dev.kiln.effects.OutputPath;
import dev.kiln.effects.RenderedMarkdown;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One output page of the site: a content page, a section's list page or the home page.
 *
 * @param source the content file, or the section's folder where it has no {@code _index.md}
 * @param kind what sort of page it is
 * @param section the content folder it belongs to, relative to {@code content/} ({@code ""} for
 *     the top level); for a section page, the section's own folder
 * @param title the title
 * @param date the date, where it has one
 * @param draft whether it is a draft
 * @param tags its tags, in the order written
 * @param layout the layout asked for in front matter, where one is
 * @param weight its place in ordered lists (0: not set)
 * @param description a one-line description
 * @param params every front matter value, for templates
 * @param summary a plain-text summary: front matter {@code summary}, else the text before
 *     {@code <!--more-->}, else the first paragraph (at most 70 words)
 * @param wordCount how many words the body holds
 * @param url the page's path on the site, starting at the base path ({@code /blog/hello/})
 * @param output the file it is written to
 * @param aliases the files that redirect to it (front matter {@code aliases}, for moved pages)
 * @param keyLines the 1-based line of the source file where each front matter key is set
 * @param terms the terms of each taxonomy the page is in, by the taxonomy's plural name
 *     ({@code tags: [java, web]}), in the order written
 * @param anchors the ids of the page's headings, which links may point at
 * @param links the links its Markdown makes, with their lines in the source file
 * @since 0.1
 */
public record Page(String source, Kind kind, String section, String title, Optional<ZonedDateTime> date,
        boolean draft, List<String> tags, Optional<String> layout, int weight, String description,
        Map<String, Object> params, String summary, int wordCount, String url, OutputPath output,
        List<OutputPath> aliases, Map<String, Integer> keyLines, Map<String, List<String>> terms,
        List<String> anchors, List<RenderedMarkdown.Link> links) {

    /**
     * What sort of page a page is: a content page, a section's list, the home page, the page for
     * missing pages, the index of a taxonomy's terms, or one term's list.
     */
    public enum Kind { PAGE, SECTION, HOME, NOT_FOUND, TAXONOMY, TERM }

    public Page {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        tags = List.copyOf(tags);
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(description, "description");
        params = OrderedMaps.copyOf(params);
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(output, "output");
        aliases = List.copyOf(aliases);
        keyLines = Map.copyOf(keyLines);
        terms = OrderedMaps.copyOf(terms);
        anchors = List.copyOf(anchors);
        links = List.copyOf(links);
    }

    /** Answers whether the page has a content file of its own (a section without _index.md has not). */
    public boolean hasSourceFile() {
        return (kind == Kind.PAGE || kind == Kind.SECTION || kind == Kind.HOME) && !source.endsWith("/");
    }

    /** Answers the minutes a reader needs for the page, as Hugo reckons them. */
    public int readingTime() {
        return PlainText.readingMinutes(wordCount);
    }

    /** Answers the line of the source where a front matter key is set, or 0. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(key, 0);
    }
}
