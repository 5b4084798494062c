package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.ToNumberPolicy;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The site's data files: every {@code data/**.yaml}, {@code .yml} and {@code .json} file, reachable
 * from templates as {@code site.data}, by folder and file name ({@code data/team/people.yaml} is
 * {@code site.data.team.people}).
 */
final class SiteData {
    static final SitePath FOLDER = SitePath.of("data");
    private static final com.google.gson.Gson JSON = new com.google.gson.GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).setStrictness(Strictness.STRICT).create();

    private SiteData() {
    }

    /** Reads every data file; a file that cannot be read as data is a problem naming it. */
    static Map<String, Object> load() {
        var data = new LinkedHashMap<String, Object>();
        for (var file : perform(new ListFiles(FOLDER))) {
            var name = file.fileName();
            int dot = name.lastIndexOf('.');
            var extension = dot < 0 ? "" : name.substring(dot + 1);
            if (!extension.equals("yaml") && !extension.equals("yml") && !extension.equals("json")) {
                continue;
            }
            var text = perform(new ReadFile(file)).asUtf8();
            Object value;
            if (extension.equals("json")) {
                try {
                    value = JSON.fromJson(text, Object.class);
                } catch (JsonParseException e) {
                    throw new SiteException(file.value(), 1, "not valid JSON: " + e.getMessage());
                }
            } else {
                value = YamlText.parseValue(text, file.value());
            }
            var folders = file.relativeTo(FOLDER).split("/");
            Map<String, Object> at = data;
            for (int i = 0; i < folders.length - 1; i++) {
                at = folder(at, folders[i], file);
            }
            if (at.put(name.substring(0, dot), value) != null) {
                throw new SiteException(file.value(), 0, "data name '" + name.substring(0, dot)
                        + "' is given twice (a file and a folder, or files with different extensions)");
            }
        }
        return freeze(data);
    }


    @SuppressWarnings("unchecked")
    private static Map<String, Object> folder(Map<String, Object> parent, String name, SitePath file) {
        var existing = parent.computeIfAbsent(name, key -> new LinkedHashMap<String, Object>());
        if (!(existing instanceof LinkedHashMap<?, ?>)) {
            throw new SiteException(file.value(), 0, "data name '" + name + "' is both a file and a folder");
        }
        return (Map<String, Object>) existing;
    }

    /** Unmodifiable copies all the way down, so that pages rendered in parallel share them safely. */
    private static Map<String, Object> freeze(Map<?, ?> map) {
        var frozen = new LinkedHashMap<String, Object>();
        map.forEach((key, value) -> frozen.put(String.valueOf(key), freezeValue(value)));
        return OrderedMaps.copyOf(frozen);
    }

    private static Object freezeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freeze(map);
        }
        if (value instanceof java.util.List<?> list) {
            return java.util.Collections.unmodifiableList(list.stream().map(SiteData::freezeValue).toList());
        }
        return value;
    }
}
