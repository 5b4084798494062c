package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.FileExists;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The site's settings from {@code kiln.yaml}; every one has a default, so a site needs no config.
 *
 * @param title the site's name
 * @param baseURL where the site is published, ending in a slash ({@code https://example.org/})
 * @param language the site's language tag ({@code en})
 * @param output the output folder, relative to the site folder
 * @param cacheDir the folder of kiln's build cache (traces for incremental builds), relative to
 *     the site folder
 * @param timeZone the zone dates without one are in, and dates are shown in
 * @param homePages how many recent pages the home page lists
 * @param tocDepth the deepest heading level a page's table of contents shows (2 to 6; 1 for none)
 * @param menu the main menu, or empty to build it from the top-level sections and pages
 * @param params free values for templates ({@code site.params})
 * @param taxonomies the taxonomies, each singular name to the plural one that is its front matter key
 *     and URL ({@code tag: tags}); by default tags and categories
 * @param paginate how many pages a section or term list shows per page (0: all on one page)
 * @param feedLimit how many entries a feed holds at most
 * @param searchIndex whether {@code index.json}, the search index, is written
 * @since 0.1
 */
public record SiteConfig(String title, String baseURL, String language, String output, String cacheDir, ZoneId timeZone,
        int homePages, int tocDepth, List<MenuEntry> menu, Map<String, Object> params, Map<String, String> taxonomies,
        int paginate, int feedLimit, boolean searchIndex) {

    /** The config file, relative to the site folder. */
    public static final SitePath FILE = SitePath.of("kiln.yaml");

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseURL, "baseURL");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(timeZone, "timeZone");
        menu = List.copyOf(menu);
        params = OrderedMaps.copyOf(params);
        taxonomies = OrderedMaps.copyOf(taxonomies);
    }

    /** Answers the settings of a site with no {@code kiln.yaml}. */
    public static SiteConfig defaults() {
        var taxonomies = new java.util.LinkedHashMap<String, String>();
        taxonomies.put("tag", "tags");
        taxonomies.put("category", "categories");
        return new SiteConfig("My kiln site", "/", "en", "public", ".kiln", ZoneId.of("UTC"), 10, 3, List.of(), Map.of(),
                taxonomies, 10, 20, true);
    }

    /** Reads {@code kiln.yaml} through the handler stack; defaults where there is none. */
    public static SiteConfig load() {
        if (!perform(new FileExists(FILE))) {
            return defaults();
        }
        var text = perform(new ReadFile(FILE)).asUtf8();
        return fromYaml(text);
    }

    static SiteConfig fromYaml(String text) {
        var file = FILE.value();
        var values = YamlText.parseMapping(text, file, 1);
        var defaults = defaults();
        var known = List.of("title", "baseURL", "language", "output", "cacheDir", "timeZone", "homePages", "tocDepth",
                "menu", "params", "taxonomies", "paginate", "feedLimit", "searchIndex");
        for (var key : values.keySet()) {
            if (!known.contains(key)) {
                throw new SiteException(file, YamlText.lineOfKey(text, key),
                        "unknown setting '" + key + "' (known: " + String.join(", ", known)
                                + "; free values for templates go under 'params')");
            }
        }
        var setting = new Settings(values, text, file);
        var title = setting.text("title", defaults.title());
        var baseURL = baseURL(setting.text("baseURL", defaults.baseURL()), setting);
        var language = language(setting.text("language", defaults.language()), setting);
        var output = folder("output", setting.text("output", defaults.output()), setting);
        var cacheDir = folder("cacheDir", setting.text("cacheDir", defaults.cacheDir()), setting);
        var timeZone = zone(setting.text("timeZone", defaults.timeZone().getId()), setting);
        int homePages = setting.number("homePages", defaults.homePages());
        int tocDepth = setting.number("tocDepth", defaults.tocDepth());
        if (tocDepth < 1 || tocDepth > 6) {
            throw setting.problem("tocDepth", "'tocDepth' must be 1 (no table of contents) to 6");
        }
        var menu = MenuEntry.fromConfig(values.get("menu"), setting);
        var params = setting.mapping("params");
        var taxonomies = values.containsKey("taxonomies") ? taxonomies(setting) : defaults.taxonomies();
        int paginate = setting.number("paginate", defaults.paginate());
        int feedLimit = setting.number("feedLimit", defaults.feedLimit());
        var searchIndex = setting.flag("searchIndex", defaults.searchIndex());
        return new SiteConfig(title, baseURL, language, output, cacheDir, timeZone, homePages, tocDepth, menu, params,
                taxonomies, paginate, feedLimit, searchIndex);
    }

    private static Map<String, String> taxonomies(Settings setting) {
        var taxonomies = new java.util.LinkedHashMap<String, String>();
        var plurals = new java.util.HashSet<String>();
        for (var entry : setting.mapping("taxonomies").entrySet()) {
            var singular = entry.getKey();
            var plural = entry.getValue() == null ? "" : String.valueOf(entry.getValue());
            if (!singular.matches("[a-z][a-z0-9_-]*") || !plural.matches("[a-z][a-z0-9_-]*") || !plurals.add(plural)) {
                throw setting.problem("taxonomies", "'taxonomies' must map singular names to distinct plural ones,"
                        + " in lower case letters, digits, '_' and '-', as in {tag: tags, category: categories}");
            }
            taxonomies.put(singular, plural);
        }
        return taxonomies;
    }

    /** Answers the path part of the base URL ({@code /} or {@code /docs/}): where the site's URLs start. */
    public String basePath() {
        if (baseURL.startsWith("/")) {
            return baseURL;
        }
        var path = URI.create(baseURL).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** Answers the absolute URL of a site path ({@code /blog/x/}), for feeds and sitemaps. */
    public String permalink(String path) {
        if (baseURL.startsWith("/")) {
            return path;
        }
        var origin = baseURL.substring(0, baseURL.length() - basePath().length());
        return origin + path;
    }

    /** Answers a hash of every setting: what a trace compares to see whether the config changed. */
    public String fingerprint() {
        return Fingerprint.of(toString());
    }

    /**
     * Written out as the record would write it, since {@link #fingerprint} hashes it: the record's
     * own is bootstrapped through method handles on first use, some thirty classes spun for
     * fourteen components in every build (bench/RESULTS.md, "Session 8"). {@code SiteConfigTests}
     * checks that it names every component.
     */
    @Override
    public String toString() {
        return "SiteConfig[title=" + title + ", baseURL=" + baseURL + ", language=" + language + ", output=" + output
                + ", cacheDir=" + cacheDir + ", timeZone=" + timeZone + ", homePages=" + homePages + ", tocDepth="
                + tocDepth + ", menu=" + menu + ", params=" + params + ", taxonomies=" + taxonomies + ", paginate="
                + paginate + ", feedLimit=" + feedLimit + ", searchIndex=" + searchIndex + "]";
    }

    /** Answers the locale of {@link #language()}, for formatting dates. */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    private static String baseURL(String value, Settings setting) {
        var url = value.endsWith("/") ? value : value + "/";
        if (url.startsWith("/")) {
            return url;
        }
        try {
            var uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(url, "needs a scheme and a host, or a path starting with /");
            }
            return url;
        } catch (URISyntaxException e) {
            throw setting.problem("baseURL", "baseURL '" + value + "' is not a URL: " + e.getReason());
        }
    }

    private static String language(String value, Settings setting) {
        try {
            return new Locale.Builder().setLanguageTag(value).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw setting.problem("language", "language '" + value + "' is not a language tag such as en or de-CH");
        }
    }

    private static String folder(String key, String value, Settings setting) {
        try {
            var path = SitePath.of(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            var top = path.value().contains("/") ? path.value().substring(0, path.value().indexOf('/')) : path.value();
            if (top.isEmpty() || List.of("content", "layouts", "static", "assets", "data").contains(top)) {
                throw new IllegalArgumentException("it would overwrite the site's own files");
            }
            return path.value();
        } catch (IllegalArgumentException e) {
            throw setting.problem(key, key + " '" + value + "' must be a folder inside the site: " + e.getMessage());
        }
    }

    private static ZoneId zone(String value, Settings setting) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw setting.problem("timeZone", "timeZone '" + value + "' is not a time zone such as UTC or Europe/Paris");
        }
    }

    /** Typed access to config values, with errors that point at the key's line. */
    record Settings(Map<String, Object> values, String text, String file) {
        String text(String key, String fallback) {
            var value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw problem(key, "'" + key + "' must be a single value");
            }
            return String.valueOf(value);
        }

        int number(String key, int fallback) {
            var value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Integer number && number >= 0) {
                return number;
            }
            throw problem(key, "'" + key + "' must be a whole number, 0 or more");
        }

        boolean flag(String key, boolean fallback) {
            var value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Boolean flag) {
                return flag;
            }
            throw problem(key, "'" + key + "' must be true or false");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> mapping(String key) {
            var value = values.get(key);
            if (value == null) {
                return Map.of();
            }
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw problem(key, "'" + key + "' must be a mapping of names to values");
        }

        SiteException problem(String key, String message) {
            return new SiteException(file, YamlText.lineOfKey(text, key), message);
        }
    }
}
