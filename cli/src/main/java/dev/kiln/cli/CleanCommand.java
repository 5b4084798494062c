package dev.kiln.cli;

import dev.kiln.handlers.TraceStoreFile;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code kiln clean}: removes the site's output folder, and only when everything in it is output
 * that kiln's build cache says kiln wrote, so that a mistyped {@code --output} or a folder with
 * files of someone else's is never emptied.
 */
final class CleanCommand implements Subcommand {
    private static final int SHOWN = 5;

    private static final Usage USAGE = Usage.ofSite("clean",
            "Removes the output folder of the site in SITE (default: the current folder).",
            "Refuses when the folder holds a file kiln did not write.");

    @Override
    public Usage usage() {
        return USAGE;
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder("o").longOpt("output").hasArg().argName("DIR")
                .desc("The output folder (default: the config's output, public/).").build());
    }

    @Override
    public int run(Arguments arguments) throws IOException {
        var out = arguments.out();
        var err = arguments.err();
        arguments.parameters(1);
        var site = arguments.path(0, Path.of("."));
        var output = arguments.path("output", null);
        var siteRoot = SiteFolders.checkedSite(site);
        var config = SiteBuilder.loadConfig(siteRoot);
        var folders = SiteFolders.of(siteRoot, output != null ? output : siteRoot.resolve(config.output()));
        if (!Files.isDirectory(folders.output())) {
            out.println("nothing to clean: " + folders.output() + " does not exist");
            return 0;
        }
        var store = TraceStoreFile.in(siteRoot.resolve(config.cacheDir())).load(KilnVersion.fingerprint());
        var known = new HashSet<String>();
        store.outputs().forEach(path -> known.add(path.value()));
        var files = new ArrayList<Path>();
        var unknown = new ArrayList<String>();
        collect(folders.output(), known, files, unknown);
        if (!unknown.isEmpty()) {
            err.println("error: refusing to clean " + folders.output() + ": " + unknown.size()
                    + " file(s) in it were not written by kiln, such as "
                    + String.join(", ", unknown.subList(0, Math.min(SHOWN, unknown.size()))));
            return 1;
        }
        deleteTree(folders.output());
        out.println("removed " + folders.output() + " (" + files.size() + " files)");
        return 0;
    }

    private static void collect(Path root, java.util.Set<String> known, List<Path> files, List<String> unknown)
            throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                var relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                files.add(file);
                if (!known.contains(relative) && !relative.endsWith(".kiln-tmp")) {
                    unknown.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        unknown.sort(null);
    }

    /** Deletes a folder and everything below it; links are removed, never followed. */
    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
