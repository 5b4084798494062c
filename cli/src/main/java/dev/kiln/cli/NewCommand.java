package dev.kiln.cli;

import dev.kiln.effects.SitePath;
import dev.kiln.site.Titles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln new site DIR} and {@code kiln new page PATH}: start a site, or a page in one. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = KilnVersion.class,
        description = "Creates a site skeleton or a page.",
        subcommands = {NewCommand.Site.class, NewCommand.Page.class})
final class NewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kiln new site DIR}: a site that builds and serves as it is. */
    @Command(name = "site", mixinStandardHelpOptions = true, description = "Creates a working site skeleton in DIR.")
    static final class Site implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The folder to create (it must not hold anything yet).")
        Path folder;

        @Override
        public Integer call() throws IOException {
            var err = spec.commandLine().getErr();
            if (Files.exists(folder) && (!Files.isDirectory(folder) || !isEmpty(folder))) {
                err.println("error: " + folder + " already exists and is not an empty folder");
                return 1;
            }
            var name = folder.toAbsolutePath().normalize().getFileName();
            var title = name == null ? "My kiln site" : Titles.fromName(name.toString());
            // The skeleton's time zone is UTC: "today" elsewhere may still be tomorrow there, and a
            // page dated tomorrow would wait for its date.
            var today = LocalDate.now(java.time.ZoneOffset.UTC);
            var files = new TreeMap<String, String>(Map.of(
                    "kiln.yaml", """
                            # Settings of the site; every one is optional.
                            title: %s
                            baseURL: /
                            language: en
                            timeZone: UTC
                            """.formatted(title),
                    "content/_index.md", """
                            ---
                            title: %s
                            description: A site made with kiln.
                            ---
                            Welcome! This text is `content/_index.md`. Pages are Markdown files under `content/`;
                            each folder is a section with a list page.
                            """.formatted(title),
                    "content/posts/_index.md", """
                            ---
                            title: Posts
                            weight: 1
                            ---
                            """,
                    "content/posts/hello-world.md", """
                            ---
                            title: Hello, world
                            date: %s
                            tags: [welcome]
                            description: The first post.
                            ---
                            This is `content/posts/hello-world.md`. Edit it while `kiln serve` runs and the page
                            reloads in your browser. Link to other pages by their file, as to
                            [the about page](../about.md): kiln turns it into the page's address.
                            """.formatted(today),
                    "content/about.md", """
                            ---
                            title: About
                            weight: 2
                            ---
                            What this site is about.
                            """,
                    "static/.keep", ""));
            SiteFolders.writeFiles(folder, files);
            var out = spec.commandLine().getOut();
            out.println("created a site in " + folder);
            out.println("next: kiln serve " + folder + "   (or kiln build " + folder + ")");
            return 0;
        }

        private static boolean isEmpty(Path folder) throws IOException {
            try (var entries = Files.list(folder)) {
                return entries.findAny().isEmpty();
            }
        }
    }

    /** {@code kiln new page PATH}: a page with front matter, marked as a draft. */
    @Command(name = "page", mixinStandardHelpOptions = true,
            description = "Creates content/PATH.md with front matter (a draft, dated today).")
    static final class Page implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PATH", description = "The page's path below content/, such as posts/my-post.")
        String path;

        @Option(names = "--site", paramLabel = "SITE", description = "The site folder (default: .).")
        Path site = Path.of(".");

        @Override
        public Integer call() throws IOException {
            var err = spec.commandLine().getErr();
            try {
                var siteRoot = SiteFolders.checkedSite(site);
                var config = SiteBuilder.loadConfig(siteRoot);
                var relative = path.endsWith(".md") ? path : path + ".md";
                SitePath page;
                try {
                    page = SitePath.of("content").resolve(relative);
                } catch (IllegalArgumentException e) {
                    err.println("error: " + e.getMessage());
                    return 2;
                }
                var file = siteRoot.resolve(page.value());
                Files.createDirectories(file.getParent());
                var stem = page.fileName().substring(0, page.fileName().length() - 3);
                Files.writeString(file, """
                        ---
                        title: %s
                        date: %s
                        draft: true
                        ---
                        Write here. The page is a draft: kiln build leaves it out until you remove
                        'draft: true' (or build with --drafts).
                        """.formatted(Titles.fromName(stem), LocalDate.now(config.timeZone())),
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                spec.commandLine().getOut().println("created " + page);
                return 0;
            } catch (FileAlreadyExistsException e) {
                err.println("error: " + e.getFile() + " already exists");
                return 1;
            }
        }
    }
}
