package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.CopyFile;
import dev.kiln.effects.Effect;
import dev.kiln.effects.FileExists;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.Handler;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.Next;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.StatFile;
import dev.kiln.effects.WriteFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lays kiln's built-in theme under the site folder: a layout or static file the site lacks is
 * answered from the theme, and one the site has wins. So a folder with only {@code content/}
 * builds, and a site overrides any single template by placing a file of the same name in its own
 * {@code layouts/}.
 *
 * @since 0.1
 */
public final class BuiltInThemeHandler implements Handler {
    private static final String ROOT = "/dev/kiln/handlers/theme/";
    /** Theme files change only with kiln itself, and a new kiln version invalidates every trace. */
    private static final long THEME_STAMP = -1;

    private final Map<SitePath, Bytes> files;

    private BuiltInThemeHandler(Map<SitePath, Bytes> files) {
        this.files = Map.copyOf(files);
    }

    /** Answers a handler serving the theme kiln ships with. */
    public static BuiltInThemeHandler standard() {
        return new BuiltInThemeHandler(load());
    }

    private static Map<SitePath, Bytes> load() {
        var files = new TreeMap<SitePath, Bytes>();
        for (var line : resource("files.txt").asUtf8().split("\n")) {
            if (!line.isBlank()) {
                files.put(SitePath.of(line.strip()), resource(line.strip()));
            }
        }
        return files;
    }

    private static Bytes resource(String name) {
        try (InputStream in = BuiltInThemeHandler.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("kiln's theme lacks " + name + ": the jar is incomplete");
            }
            return Bytes.wrap(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kiln's theme file " + name, e);
        }
    }

    /** Answers the paths the theme provides, relative to a site folder. */
    public Set<SitePath> paths() {
        return new TreeSet<>(files.keySet());
    }

    /** Answers true only for the effects this handler answers; it forwards every other one untouched. */
    @Override
    public boolean handles(Class<?> type) {
        return ReadFile.class.isAssignableFrom(type) || StatFile.class.isAssignableFrom(type)
                || FileExists.class.isAssignableFrom(type) || ListFiles.class.isAssignableFrom(type)
                || CopyFile.class.isAssignableFrom(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        return switch (effect) {
            case ReadFile read when fromTheme(read.path(), next) -> (R) files.get(read.path());
            case StatFile stat when fromTheme(stat.path(), next) ->
                    (R) Optional.of(new FileStamp(files.get(stat.path()).size(), THEME_STAMP));
            case FileExists exists -> (R) Boolean.valueOf(files.containsKey(exists.path()) || next.forward(exists));
            case ListFiles list -> {
                var listed = next.forward(list);
                var own = files.keySet().stream().filter(path -> path.isInside(list.folder())).toList();
                if (own.isEmpty()) {
                    // The site's listing as it is: most folders (content/) hold no theme file.
                    yield (R) listed;
                }
                var all = new TreeSet<>(listed);
                all.addAll(own);
                yield (R) List.copyOf(all);
            }
            case CopyFile copy when fromTheme(copy.source(), next) ->
                    (R) next.forward(new WriteFile(copy.target(), files.get(copy.source())));
            default -> next.forward(effect);
        };
    }

    private boolean fromTheme(SitePath path, Next next) {
        return files.containsKey(path) && !next.forward(new FileExists(path));
    }

}
