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
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code kiln new site DIR} and {@code kiln new page PATH}: start a site, or a page in one. */
final class NewCommand {
    /** What {@code kiln new} does, for help. */
    static final String DESCRIPTION = "Creates a site skeleton or a page.";

    private NewCommand() {
    }

    /** {@code kiln new site DIR}: a site that builds and serves as it is. */
    static final class Site implements Subcommand {
        private static final Usage USAGE = Usage.of("new site", "DIR",
                "The folder to create (it must not hold anything yet).", "Creates a working site skeleton in DIR.");

        @Override
        public Usage usage() {
            return USAGE;
        }

        @Override
        public int run(Arguments arguments) throws IOException {
            var folder = arguments.onlyPath("DIR, the folder to create");
            var err = arguments.err();
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
            var out = arguments.out();
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
    static final class Page implements Subcommand {
        private static final Usage USAGE = Usage.of("new page", "PATH",
                "The page's path below content/, such as posts/my-post; a name like \"My post\" titles posts/my-post.md.",
                "Creates content/PATH.md with front matter (a draft, dated today).");

        @Override
        public Usage usage() {
            return USAGE;
        }

        @Override
        public Options options() {
            return new Options().addOption(Option.builder().longOpt("site").hasArg().argName("SITE")
                    .desc("The site folder (default: .).").build());
        }

        @Override
        public int run(Arguments arguments) throws IOException {
            arguments.parameters(1);
            var path = arguments.required(0, "PATH, the page's path below content/");
            var site = arguments.path("site", Path.of("."));
            var err = arguments.err();
            try {
                var siteRoot = SiteFolders.checkedSite(site);
                var config = SiteBuilder.loadConfig(siteRoot);
                var relative = path.endsWith(".md") ? path.substring(0, path.length() - 3) : path;
                int slash = relative.lastIndexOf('/');
                var name = relative.substring(slash + 1);
                // A name that is no URL segment ("My first post") gives the file a name that is,
                // as Hugo would make its address (my-first-post), and the page its title.
                var slug = Titles.isSlug(name) ? name : Titles.urlize(name);
                if (!Titles.isSlug(slug)) {
                    err.println("error: cannot make a page's address of '" + name + "': give it a letter or a digit");
                    return 2;
                }
                var title = slug.equals(name) ? Titles.fromName(name) : quoted(name.strip());
                SitePath page;
                try {
                    page = SitePath.of("content").resolve(relative.substring(0, slash + 1) + slug + ".md");
                } catch (IllegalArgumentException e) {
                    err.println("error: " + e.getMessage());
                    return 2;
                }
                var file = siteRoot.resolve(page.value());
                Files.createDirectories(file.getParent());
                Files.writeString(file, """
                        ---
                        title: %s
                        date: %s
                        draft: true
                        ---
                        Write here. The page is a draft: kiln build leaves it out until you remove
                        'draft: true' (or build with --drafts).
                        """.formatted(title, LocalDate.now(config.timeZone())),
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                arguments.out().println("created " + page);
                return 0;
            } catch (FileAlreadyExistsException e) {
                err.println("error: " + e.getFile() + " already exists");
                return 1;
            }
        }

        /** Answers text as a double-quoted YAML scalar: a title may hold ':', '#' or quotes. */
        private static String quoted(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
