package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The site folder and the output folder of a build, checked so that a build can never write over
 * the site's own files: the output may not be the site folder, hold it, or lie inside a source
 * folder.
 *
 * @param site the site folder, absolute
 * @param output the output folder, absolute
 */
record SiteFolders(Path site, Path output) {
    private static final List<String> SOURCE_FOLDERS = List.of("content", "layouts", "static", "assets", "data");

    static Path checkedSite(Path folder) {
        var site = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(site)) {
            throw new UsageException(folder + " is not a folder");
        }
        if (!Files.isDirectory(site.resolve("content")) && !Files.isRegularFile(site.resolve("kiln.yaml"))) {
            throw new UsageException(folder + " does not look like a kiln site: it has no content/ folder and no kiln.yaml");
        }
        return site;
    }

    /** Writes files (path relative to {@code folder}, to text), making the folders they need. */
    static void writeFiles(Path folder, Map<String, String> files) throws IOException {
        for (var file : files.entrySet()) {
            var path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
    }

    static SiteFolders of(Path site, Path output) {
        var out = output.toAbsolutePath().normalize();
        if (site.startsWith(out)) {
            throw new UsageException("refusing output folder " + out + ": it holds the site folder " + site);
        }
        for (var source : SOURCE_FOLDERS) {
            if (out.startsWith(site.resolve(source))) {
                throw new UsageException("refusing output folder " + out + ": it lies inside the site's " + source + "/");
            }
        }
        return new SiteFolders(site, out);
    }
}
