package dev.kiln.handlers;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import com.google.gson.GsonBuilder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The helpers kiln's templates have besides Handlebars' own:
 * <ul>
 * <li>{@code formatDate date "d MMMM yyyy"}: a date ({@code 2024-01-31} or with a time) in a
 * {@link DateTimeFormatter} pattern, in the site's language;</li>
 * <li>{@code absURL "x/"} and {@code relURL "x/"}: a site path made absolute (base URL) or rooted
 * at the base path;</li>
 * <li>{@code asset "css/main.css"}: the fingerprinted URL of a file under {@code assets/};</li>
 * <li>{@code markdownify text}: Markdown rendered to HTML (one paragraph loses its {@code <p>});</li>
 * <li>{@code truncate text 80}: at most that many characters, cut at a word, with "…";</li>
 * <li>{@code where list "key" value}, {@code sort list "key" "desc"}, {@code group list "key"}:
 * a list of pages (or any maps) filtered, sorted or grouped by a field (dotted paths such as
 * {@code params.featured} work);</li>
 * <li>{@code json value}: a value as JSON, safe inside a {@code <script>};</li>
 * <li>{@code eq a b}, {@code len list}.</li>
 * </ul>
 */
final class TemplateHelpers {
    private static final com.google.gson.Gson JSON = new GsonBuilder().serializeNulls().create();

    private TemplateHelpers() {
    }

    static void register(Handlebars handlebars, Function<String, String> markdown) {
        handlebars.registerHelper("formatDate", (Helper<Object>) (date, options) -> {
            if (date == null || date.toString().isBlank()) {
                return "";
            }
            String pattern = options.param(0, "yyyy-MM-dd");
            var language = Objects.toString(options.get("site.language"), "en");
            return DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(language)).format(parsedDate(date.toString()));
        });
        handlebars.registerHelper("absURL", (Helper<Object>) (path, options) -> {
            var text = Objects.toString(path, "");
            if (text.contains("://")) {
                return text;
            }
            var base = Objects.toString(options.get("site.baseURL"), "/");
            return base + stripSlash(text);
        });
        handlebars.registerHelper("relURL", (Helper<Object>) (path, options) -> {
            var text = Objects.toString(path, "");
            if (text.contains("://")) {
                return text;
            }
            return Objects.toString(options.get("site.basePath"), "/") + stripSlash(text);
        });
        handlebars.registerHelper("asset", (Helper<Object>) (name, options) -> {
            var assets = options.get("site.assets");
            var key = Objects.toString(name, "");
            if (assets instanceof Map<?, ?> map && map.get(key) != null) {
                return map.get(key);
            }
            var known = assets instanceof Map<?, ?> map ? map.keySet().toString() : "[]";
            throw new IllegalArgumentException("no asset '" + key + "' under assets/ (there are: " + known + ")");
        });
        handlebars.registerHelper("markdownify", (Helper<Object>) (text, options) -> {
            var html = markdown.apply(Objects.toString(text, "")).strip();
            if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
                html = html.substring(3, html.length() - 4);
            }
            return new Handlebars.SafeString(html);
        });
        handlebars.registerHelper("truncate", (Helper<Object>) (text, options) -> {
            var value = Objects.toString(text, "");
            int limit = options.param(0, 80);
            if (value.length() <= limit) {
                return value;
            }
            var cut = value.substring(0, limit);
            int space = cut.lastIndexOf(' ');
            return (space > limit / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
        });
        handlebars.registerHelper("where", (Helper<Object>) (list, options) -> {
            String key = options.param(0);
            Object wanted = options.param(1, null);
            return items(list).stream().filter(item -> matches(field(item, key), wanted)).toList();
        });
        handlebars.registerHelper("sort", (Helper<Object>) (list, options) -> {
            String key = options.param(0);
            String order = options.param(1, "asc");
            var sorted = new ArrayList<>(items(list));
            Comparator<Object> byField = Comparator.comparing(item -> field(item, key), TemplateHelpers::compare);
            sorted.sort(order.equalsIgnoreCase("desc") ? byField.reversed() : byField);
            return sorted;
        });
        handlebars.registerHelper("group", (Helper<Object>) (list, options) -> {
            String key = options.param(0);
            var groups = new LinkedHashMap<String, List<Object>>();
            for (var item : items(list)) {
                var value = field(item, key);
                var names = value instanceof List<?> many ? many : List.of(Objects.toString(value, ""));
                for (var name : names) {
                    groups.computeIfAbsent(Objects.toString(name, ""), k -> new ArrayList<>()).add(item);
                }
            }
            var result = new ArrayList<Map<String, Object>>();
            groups.forEach((name, items) -> {
                var group = new LinkedHashMap<String, Object>();
                group.put("key", name);
                group.put("pages", items);
                result.add(group);
            });
            return result;
        });
        handlebars.registerHelper("json", (Helper<Object>) (value, options) -> new Handlebars.SafeString(
                JSON.toJson(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")));
        handlebars.registerHelper("eq", (Helper<Object>) (left, options) ->
                Objects.equals(Objects.toString(left, null), Objects.toString(options.param(0, null), null)));
        handlebars.registerHelper("len", (Helper<Object>) (value, options) -> value instanceof Map<?, ?> map ? map.size()
                : items(value).size());
    }

    private static TemporalAccessor parsedDate(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("formatDate: '" + text + "' is not a date such as 2024-01-31", e);
        }
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static List<?> items(Object list) {
        if (list == null) {
            return List.of();
        }
        if (list instanceof List<?> items) {
            return items;
        }
        throw new IllegalArgumentException("expected a list, got " + list.getClass().getSimpleName());
    }

    /** Answers the value at a dotted path of a map ({@code params.featured}), or null. */
    private static Object field(Object item, String path) {
        Object at = item;
        for (var key : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(key);
        }
        return at;
    }

    private static boolean matches(Object value, Object wanted) {
        if (value instanceof List<?> many) {
            return many.stream().anyMatch(item -> matches(item, wanted));
        }
        return Objects.equals(Objects.toString(value, null), Objects.toString(wanted, null));
    }

    /** Numbers by value, anything else by its text; missing values last. */
    private static int compare(Object left, Object right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : 1) : -1;
        }
        if (left instanceof Number a && right instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return left.toString().compareTo(right.toString());
    }
}
