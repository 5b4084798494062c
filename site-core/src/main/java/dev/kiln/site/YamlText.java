package dev.kiln.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/** Parses the YAML of config and front matter into plain maps, lists, strings, numbers and booleans. */
final class YamlText {
    /**
     * Parsers not in use. A {@link Yaml} is not thread-safe and pages are parsed in parallel, but
     * making one (its resolver's patterns, its constructors and representers) was a third of the
     * parse of a page's front matter: each load borrows one and gives it back. One whose load
     * failed is dropped, whatever it was left holding.
     */
    private static final ConcurrentLinkedQueue<Yaml> IDLE = new ConcurrentLinkedQueue<>();

    private YamlText() {
    }

    /**
     * Parses a YAML mapping.
     *
     * @param text the YAML
     * @param file the file it comes from, for errors
     * @param firstLine the line of the file the text starts at (1-based), for errors
     */
    static Map<String, Object> parseMapping(String text, String file, int firstLine) {
        var direct = DirectYaml.mapping(text);
        return direct != null ? direct : parseMappingWithSnakeYaml(text, file, firstLine);
    }

    /** Parses a YAML mapping with SnakeYAML alone: what {@link DirectYaml} is held to. */
    static Map<String, Object> parseMappingWithSnakeYaml(String text, String file, int firstLine) {
        var document = parse(text, file, firstLine);
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new SiteException(file, firstLine, "YAML must be a mapping of keys to values, not "
                    + document.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        }
        return plainMap(map);
    }

    /** Parses a whole YAML file (a data file) into plain maps, lists and values; errors name the line. */
    static Object parseValue(String text, String file) {
        var document = parse(text, file, 1);
        return document == null ? null : plain(document);
    }

    private static Object parse(String text, String file, int firstLine) {
        Object document;
        try {
            var yaml = IDLE.poll();
            if (yaml == null) {
                yaml = newYaml();
            }
            document = yaml.load(text);
            IDLE.offer(yaml);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? firstLine : firstLine + mark.getLine();
            var problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            var context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new SiteException(file, line, "bad YAML: " + context + problem, e);
        } catch (YAMLException e) {
            throw new SiteException(file, firstLine, "bad YAML: " + e.getMessage(), e);
        }
        return document;
    }

    private static Yaml newYaml() {
        var loading = new LoaderOptions();
        loading.setAllowDuplicateKeys(false);
        loading.setMaxAliasesForCollections(50);
        var dumping = new DumperOptions();
        return new Yaml(new SafeConstructor(loading), new Representer(dumping), dumping, loading, new DatesAsText());
    }

    private static Map<String, Object> plainMap(Map<?, ?> map) {
        var plain = new LinkedHashMap<String, Object>();
        // A key with no value ("key:") counts as not set.
        map.forEach((key, value) -> {
            if (value != null) {
                plain.put(String.valueOf(key), plain(value));
            }
        });
        return java.util.Collections.unmodifiableMap(plain);
    }

    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            return plainMap(map);
        }
        if (value instanceof Iterable<?> items) {
            var list = new ArrayList<Object>();
            items.forEach(item -> list.add(plain(item)));
            return java.util.Collections.unmodifiableList(list);
        }
        return value;
    }

    /** Answers the 1-based line where {@code key} is set at the top level of a YAML text, or 0. */
    static int lineOfKey(String text, String key) {
        var pattern = Pattern.compile("^" + Pattern.quote(key) + "\\s*:");
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Leaves dates as text: SnakeYAML would turn them into {@code java.util.Date} at UTC, losing
     * the difference between a date and a moment and the site's time zone.
     */
    private static final class DatesAsText extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }
}
