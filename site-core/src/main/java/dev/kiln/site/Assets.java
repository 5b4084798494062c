package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files under {@code assets/}, published under a name that holds a hash of their content
 * ({@code assets/css/main.css} becomes {@code css/main.3f2a9c1e.css}), so that browsers may cache
 * them for ever; CSS is minified first. Templates find each file's URL in {@code site.assets} or
 * with the {@code asset} helper.
 */
final class Assets {
    static final SitePath FOLDER = SitePath.of("assets");

    private Assets() {
    }

    /**
     * One published asset.
     *
     * @param source the file under {@code assets/}
     * @param name its path below {@code assets/}, as templates name it ({@code css/main.css})
     * @param output where it is written
     * @param content what is written
     */
    record Asset(SitePath source, String name, OutputPath output, Bytes content) {
    }

    /** Reads, minifies and names every asset. */
    static List<Asset> load() {
        return perform(new ListFiles(FOLDER)).stream().map(file -> {
            var name = file.relativeTo(FOLDER);
            var content = perform(new ReadFile(file));
            if (name.endsWith(".css")) {
                content = Bytes.utf8(Css.minified(content.asUtf8()));
            }
            return new Asset(file, name, OutputPath.of(fingerprinted(name, content.sha256().substring(0, 8))), content);
        }).toList();
    }

    /** Answers each asset's URL by its name, for templates. */
    static Map<String, String> urls(List<Asset> assets, SiteConfig config) {
        var urls = new LinkedHashMap<String, String>();
        assets.forEach(asset -> urls.put(asset.name(), config.basePath() + asset.output().value()));
        return urls;
    }

    /** {@code css/main.css} and a hash give {@code css/main.<hash>.css}; a name without extension ends with the hash. */
    static String fingerprinted(String name, String hash) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) + "." + hash + name.substring(dot) : name + "." + hash;
    }
}
