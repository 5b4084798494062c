package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.testing.SyntheticSite;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a visitor and a crawler meet in a built site: every HTML page parses without an error in
 * a real HTML parser, has no duplicate ids, and every link, stylesheet, script and image inside
 * the site leads to a file of the output (and to an element with the id a fragment names); the
 * sitemap and feeds are well-formed XML.
 */
class OutputQualityTests {
    private static final Path EXAMPLE = Path.of("..", "examples", "demo");

    @TempDir
    Path temp;

    @Test
    void theExampleSiteIsWellFormedAndEveryInternalLinkResolves() throws Exception {
        var site = temp.resolve("demo");
        CliRun.copySite(EXAMPLE, site);
        var run = CliRun.of("build", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        var output = site.resolve("public");
        var checked = checkSite(output);
        assertTrue(checked > 20, "checked " + checked + " pages");
        for (var feed : List.of("index.xml", "atom.xml", "docs/index.xml", "posts/atom.xml", "sitemap.xml")) {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.newDocumentBuilder().parse(output.resolve(feed).toFile());
        }
    }

    @Test
    void aThousandPageSiteBuildsWithNoErrorsAndEveryInternalLinkResolves() throws Exception {
        var site = temp.resolve("big");
        CliRun.write(site, SyntheticSite.generate(1000, 8, 6, 7));
        var run = CliRun.of("build", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("built 1"), run.out());
        assertTrue(checkSite(site.resolve("public")) > 1000);
    }

    /** Checks every HTML file of an output folder; answers how many there were. */
    private static int checkSite(Path output) throws IOException {
        List<Path> pages;
        try (var files = Files.walk(output)) {
            pages = files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
        }
        var documents = new HashMap<Path, Document>();
        var problems = new ArrayList<String>();
        for (var page : pages) {
            var parser = Parser.htmlParser().setTrackErrors(20);
            var document = Jsoup.parse(Files.readString(page), "", parser);
            documents.put(page, document);
            var where = output.relativize(page).toString();
            parser.getErrors().forEach(error -> problems.add(where + ": " + error));
            var ids = new HashSet<String>();
            document.select("[id]").forEach(element -> {
                if (!ids.add(element.id())) {
                    problems.add(where + ": duplicate id " + element.id());
                }
            });
            if (document.select("html[lang]").isEmpty() || document.title().isBlank()) {
                problems.add(where + ": no lang or no title");
            }
        }
        for (var page : pages) {
            var where = output.relativize(page).toString();
            var document = documents.get(page);
            var links = document.select("a[href], link[href], script[src], img[src]").stream()
                    .map(element -> element.hasAttr("href") ? element.attr("href") : element.attr("src"))
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            for (var link : links) {
                checkLink(output, page, link, documents).ifPresent(problem -> problems.add(where + ": " + problem));
            }
        }
        assertEquals(List.of(), problems.stream().limit(30).toList(), problems.size() + " problems");
        return pages.size();
    }

    private static java.util.Optional<String> checkLink(Path output, Path page, String link, Map<Path, Document> documents) {
        var uri = URI.create(link.replace(" ", "%20"));
        if (uri.getScheme() != null || link.startsWith("//")) {
            return java.util.Optional.empty();
        }
        var pagePath = "/" + output.relativize(page).toString().replace('\\', '/');
        var resolved = URI.create("http://site" + pagePath).resolve(uri);
        var path = resolved.getPath();
        var file = output.resolve(path.substring(1));
        if (path.endsWith("/") || Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.of("link to " + link + ": no file " + output.relativize(file));
        }
        var fragment = resolved.getFragment();
        if (fragment != null && !fragment.isEmpty() && documents.containsKey(file)
                && documents.get(file).getElementById(fragment) == null) {
            return java.util.Optional.of("link to " + link + ": no element with id " + fragment);
        }
        return java.util.Optional.empty();
    }
}
