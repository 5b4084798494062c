package dev.kiln.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs the kiln command in this JVM and keeps what it printed; helpers for folders on disk. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Kiln.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Answers every file below a folder with its bytes, by relative path with forward slashes. */
    static Map<String, String> snapshot(Path folder) {
        var files = new TreeMap<String, String>();
        if (!Files.exists(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                try {
                    files.put(folder.relativize(file).toString().replace('\\', '/'),
                            java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Writes files (relative path to text) below a folder. */
    static void write(Path folder, Map<String, String> files) {
        try {
            SiteFolders.writeFiles(folder, files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a site's folder tree, leaving out the output a build may have left in it. */
    static void copySite(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (var source : walk.filter(path -> !path.startsWith(from.resolve("public"))).toList()) {
                var target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
