package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.OutputPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import dev.kiln.effects.RenderMarkdown;
import dev.kiln.effects.RenderedMarkdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns one content file into a {@link Page}: front matter read and checked, title, URL and output decided. */
final class PageParser {
    private static final Pattern FIRST_HEADING = Pattern.compile("(?m)^#\\s+(.+?)\\s*#*\\s*$");

    private final SiteConfig config;

    PageParser(SiteConfig config) {
        this.config = config;
    }

    /**
     * Parses a content file.
     *
     * @param file the file, relative to the site folder
     * @param folder its folder relative to {@code content/}
     * @param text its content
     * @param kind a page, or the section or home page of an {@code _index.md}
     * @param cascade front matter values its sections hand down, which its own front matter overrides
     */
    Page parse(String file, String folder, String text, Page.Kind kind, Map<String, Object> cascade) {
        return parse(file, folder, text, kind, cascade, plainText -> { });
    }

    /**
     * Parses a content file as {@link #parse(String, String, String, Page.Kind, Map)} does, handing
     * {@code plainText} its body's {@linkplain PlainText#of plain text}, which the page's word
     * count is taken from (the search index wants it too).
     */
    Page parse(String file, String folder, String text, Page.Kind kind, Map<String, Object> cascade,
            java.util.function.Consumer<String> plainText) {
        var parsed = SourceText.parse(file, text);
        var source = cascade.isEmpty() ? parsed : parsed.withDefaults(cascade);
        var values = new FrontMatterValues(file, source);
        var title = values.text("title").orElseGet(() -> defaultTitle(source.body(), file, folder, kind));
        var date = values.text("date").map(value -> date(value, values));
        var slug = kind == Page.Kind.PAGE ? slug(values, slugOfFile(file)) : "";
        var sitePath = values.text("url").map(url -> sitePath(url, "url", values)).orElse(pathOf(folder, slug));
        var url = config.basePath() + sitePath;
        var output = outputOf(sitePath);
        var aliases = values.list("aliases").stream().map(alias -> outputOf(sitePath(alias, "aliases", values))).toList();
        var terms = new LinkedHashMap<String, List<String>>();
        for (var taxonomy : config.taxonomies().values()) {
            var named = values.list(taxonomy);
            if (!named.isEmpty()) {
                terms.put(taxonomy, named);
            }
        }
        // Rendered here for the headings and links, which pages linking to this one are checked
        // against; the page's own render later gets the same answer from the cache.
        var plain = PlainText.of(source.body());
        plainText.accept(plain);
        var body = SourceText.bodyWithLine(text);
        var rendered = perform(new RenderMarkdown(Shortcodes.prepare(file, body).markdown()));
        var anchors = rendered.headings().stream().map(RenderedMarkdown.Heading::id).toList();
        var links = rendered.links().stream()
                .map(link -> new RenderedMarkdown.Link(link.href(), link.line() + body.firstLine() - 1))
                .toList();
        return new Page(file, kind, folder, title, date, values.flag("draft"), values.list("tags"),
                values.text("layout"), values.number("weight"), values.text("description").orElse(""),
                source.frontMatter(), values.text("summary").orElseGet(() -> PlainText.summaryOf(source.body())),
                PlainText.wordsIn(plain), url, output, aliases, source.keyLines(), terms, anchors, links);
    }

    /** Answers the page of a section that has no {@code _index.md}. */
    Page implicitSection(String folder) {
        var kind = folder.isEmpty() ? Page.Kind.HOME : Page.Kind.SECTION;
        var title = folder.isEmpty() ? config.title() : Titles.fromName(lastSegment(folder));
        var source = folder.isEmpty() ? "content/" : "content/" + folder + "/";
        return new Page(source, kind, folder, title, Optional.empty(), false, List.of(), Optional.empty(), 0, "",
                Map.of(), "", 0, config.basePath() + pathOf(folder, ""),
                OutputPath.of(pathOf(folder, "") + "index.html"), List.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    /** Answers the page shown for a missing page: {@code 404.html} at the top of the output. */
    Page notFound() {
        return new Page("(404 page)", Page.Kind.NOT_FOUND, "", "Page not found", Optional.empty(), false, List.of(),
                Optional.empty(), 0, "", Map.of(), "", 0, config.basePath() + "404.html", OutputPath.of("404.html"),
                List.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    /** Answers the index page of a taxonomy ({@code /tags/}), which lists its terms. */
    Page taxonomy(String plural) {
        return new Page("(" + plural + ")", Page.Kind.TAXONOMY, plural, Titles.fromName(plural), Optional.empty(), false,
                List.of(), Optional.empty(), 0, "", Map.of(), "", 0, config.basePath() + plural + "/",
                OutputPath.of(plural + "/index.html"), List.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    /** Answers the page of one term of a taxonomy ({@code /tags/java/}), which lists its pages. */
    Page term(String plural, String term) {
        var path = termPath(plural, term);
        return new Page("(" + plural + ": " + term + ")", Page.Kind.TERM, plural, term, Optional.empty(), false,
                List.of(), Optional.empty(), 0, "", Map.of(), "", 0, config.basePath() + path,
                OutputPath.of(path + "index.html"), List.of(), Map.of(), Map.of(), List.of(), List.of());
    }

    /** Answers where a term's page lies below the site's root: {@code tags/c-java/} for "C++ & Java". */
    static String termPath(String plural, String term) {
        return plural + "/" + Titles.urlize(term) + "/";
    }

    /**
     * Checks a path given in front matter ({@code url} or {@code aliases}): it starts with a slash
     * and each segment is a safe slug; a path ending in {@code .html} names a file, any other a
     * folder. Answers it relative to the site's root, folders ending in a slash.
     */
    private static String sitePath(String path, String key, FrontMatterValues values) {
        var problem = key + " '" + path + "' must be a path such as /docs/start/ or /old/page.html, each part made of"
                + " letters, digits, '.', '_', '~' and '-' (no '..')";
        if (!path.startsWith("/") || path.equals("/")) {
            throw values.problem(key, problem);
        }
        var relative = path.substring(1);
        var isFile = relative.endsWith(".html");
        for (var segment : relative.split("/", -1)) {
            if (segment.isEmpty() && relative.endsWith("/") && relative.indexOf("//") < 0) {
                continue;
            }
            if (!Titles.isSlug(segment) || segment.equals("..") || segment.startsWith(".")) {
                throw values.problem(key, problem);
            }
        }
        return isFile || relative.endsWith("/") ? relative : relative + "/";
    }

    private static OutputPath outputOf(String sitePath) {
        return OutputPath.of(sitePath.isEmpty() || sitePath.endsWith("/") ? sitePath + "index.html" : sitePath);
    }

    private static String pathOf(String folder, String slug) {
        var path = new StringBuilder();
        if (!folder.isEmpty()) {
            path.append(folder).append('/');
        }
        if (!slug.isEmpty()) {
            path.append(slug).append('/');
        }
        return path.toString();
    }

    private String defaultTitle(String body, String file, String folder, Page.Kind kind) {
        var heading = FIRST_HEADING.matcher(body);
        if (heading.find()) {
            return heading.group(1);
        }
        return switch (kind) {
            case HOME -> config.title();
            case SECTION -> Titles.fromName(lastSegment(folder));
            case PAGE -> Titles.fromName(slugOfFile(file));
            case NOT_FOUND -> "Page not found";
            case TAXONOMY, TERM -> Titles.fromName(lastSegment(folder));
        };
    }

    private static String slug(FrontMatterValues values, String fallback) {
        var slug = values.text("slug").orElse(fallback);
        if (!Titles.isSlug(slug)) {
            throw values.problem("slug", "slug '" + slug + "' must be one URL segment of letters, digits,"
                    + " '.', '_', '~' and '-' (no '/', no '..'), starting with a letter or digit");
        }
        return slug;
    }

    private ZonedDateTime date(String value, FrontMatterValues values) {
        var zone = config.timeZone();
        var text = value.strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone);
            }
            var iso = text.replace(' ', 'T');
            try {
                return OffsetDateTime.parse(iso).atZoneSameInstant(zone);
            } catch (DateTimeParseException notOffset) {
                return LocalDateTime.parse(iso).atZone(zone);
            }
        } catch (DateTimeParseException e) {
            throw values.problem("date", "date '" + value + "' is not a date such as 2024-01-31 or 2024-01-31T14:30:00+01:00");
        }
    }

    /** A page bundle's {@code index.md} is named by its folder; any other page by its file. */
    static String slugOfFile(String file) {
        var stem = fileStem(file);
        if (!stem.equals(ContentDiscovery.BUNDLE_STEM) || !file.contains("/")) {
            return stem;
        }
        var folder = file.substring(0, file.lastIndexOf('/'));
        return folder.substring(folder.lastIndexOf('/') + 1);
    }

    static String fileStem(String file) {
        var name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String lastSegment(String folder) {
        return folder.substring(folder.lastIndexOf('/') + 1);
    }


    /** Typed access to front matter values, with errors that point at the key's line. */
    private record FrontMatterValues(String file, SourceText source) {
        Optional<String> text(String key) {
            var value = source.frontMatter().get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (value instanceof java.util.Map<?, ?> || value instanceof List<?>) {
                throw problem(key, "'" + key + "' must be a single value, not a list or mapping");
            }
            return Optional.of(String.valueOf(value));
        }

        boolean flag(String key) {
            var value = source.frontMatter().get(key);
            if (value == null) {
                return false;
            }
            if (value instanceof Boolean flag) {
                return flag;
            }
            throw problem(key, "'" + key + "' must be true or false");
        }

        int number(String key) {
            var value = source.frontMatter().get(key);
            if (value == null) {
                return 0;
            }
            if (value instanceof Integer number) {
                return number;
            }
            throw problem(key, "'" + key + "' must be a whole number");
        }

        List<String> list(String key) {
            var value = source.frontMatter().get(key);
            if (value == null) {
                return List.of();
            }
            var items = new ArrayList<String>();
            if (value instanceof List<?> list) {
                for (var item : list) {
                    if (item == null || item instanceof java.util.Map<?, ?> || item instanceof List<?>) {
                        throw problem(key, "'" + key + "' must be a list of words, as in [java, web]");
                    }
                    items.add(String.valueOf(item).strip());
                }
            } else {
                for (var item : String.valueOf(value).split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
            return items;
        }

        SiteException problem(String key, String message) {
            int line = source.lineOf(key);
            return new SiteException(file, line == 0 ? 1 : line, message);
        }
    }
}
