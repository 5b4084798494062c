package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.Parallel;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.Traced;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Finds the site's pages: every {@code content/**\/*.md} is a page, an {@code _index.md} describes
 * its folder's section (or, at the top, the home page), and every folder holding pages is a
 * section with a list page.
 */
final class ContentDiscovery {
    static final SitePath CONTENT = SitePath.of("content");
    private static final String SECTION_FILE = "_index.md";

    private final SiteConfig config;
    private final BuildOptions options;
    private final PageParser parser;
    private final String configFingerprint;

    ContentDiscovery(SiteConfig config, BuildOptions options) {
        this.config = config;
        this.options = options;
        this.parser = new PageParser(config);
        this.configFingerprint = config.fingerprint();
    }

    /** Discovers the site; problems with single files are collected, not thrown. */
    Discovered discover() {
        var files = perform(new ListFiles(CONTENT)).stream()
                .filter(path -> path.fileName().endsWith(".md"))
                .toList();
        List<Supplier<Either<BuildProblem, Page>>> tasks = files.stream()
                .<Supplier<Either<BuildProblem, Page>>>map(file -> () -> parse(file))
                .toList();
        var problems = new ArrayList<BuildProblem>();
        var parsed = new ArrayList<Page>();
        for (var result : perform(new Parallel<>(tasks))) {
            result.fold(problems::add, parsed::add);
        }
        var kept = parsed.stream().filter(page -> options.drafts() || !page.draft()).toList();
        return new Discovered(assemble(kept), problems);
    }

    private Either<BuildProblem, Page> parse(SitePath file) {
        try {
            var relative = file.relativeTo(CONTENT);
            var isSectionFile = file.fileName().equals(SECTION_FILE);
            var folder = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "";
            var kind = !isSectionFile ? Page.Kind.PAGE : folder.isEmpty() ? Page.Kind.HOME : Page.Kind.SECTION;
            // Traced: an unchanged file is not read or parsed again; its page comes from the last build.
            var page = perform(new Traced<>("parse:" + file.value(), Map.of("config", configFingerprint),
                    PageCodec.INSTANCE,
                    () -> parser.parse(file.value(), folder, perform(new ReadFile(file)).asUtf8(), kind)));
            return Either.right(page);
        } catch (SiteException e) {
            return Either.left(e.toProblem());
        } catch (EffectFailedException e) {
            return Either.left(new BuildProblem(e.file().orElse(file.value()), e.line(), e.problem()));
        } catch (RuntimeException e) {
            // A fault in one file must not hide the others' problems.
            return Either.left(new BuildProblem(file.value(), 0, String.valueOf(e.getMessage())));
        }
    }

    private Site assemble(List<Page> found) {
        var sectionPages = new TreeMap<String, Page>();
        var contentPages = new ArrayList<Page>();
        for (var page : found) {
            if (page.kind() == Page.Kind.PAGE) {
                contentPages.add(page);
            } else {
                sectionPages.put(page.section(), page);
            }
        }
        // Every folder that holds a page, and every folder above it, is a section.
        var folders = new TreeSet<String>();
        folders.add("");
        for (var page : found) {
            for (var folder = page.section(); !folder.isEmpty(); folder = parentOf(folder)) {
                folders.add(folder);
            }
        }
        for (var folder : folders) {
            sectionPages.computeIfAbsent(folder, parser::implicitSection);
        }
        var pagesBySection = new HashMap<String, List<Page>>();
        for (var page : contentPages) {
            pagesBySection.computeIfAbsent(page.section(), key -> new ArrayList<>()).add(page);
        }
        var sectionsBySection = new HashMap<String, List<Page>>();
        for (var section : sectionPages.values()) {
            if (section.kind() == Page.Kind.SECTION) {
                sectionsBySection.computeIfAbsent(parentOf(section.section()), key -> new ArrayList<>()).add(section);
            }
        }
        var all = new ArrayList<Page>(contentPages);
        all.addAll(sectionPages.values());
        all.sort(Comparator.comparing(Page::output));
        return new Site(config, all, sorted(pagesBySection), sorted(sectionsBySection));
    }

    private static Map<String, List<Page>> sorted(Map<String, List<Page>> lists) {
        var sorted = new TreeMap<String, List<Page>>();
        lists.forEach((key, pages) -> sorted.put(key, pages.stream().sorted(Site.LIST_ORDER).toList()));
        return sorted;
    }

    static String parentOf(String folder) {
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? "" : folder.substring(0, slash);
    }

    /** What discovery found: the site, and the files that could not be read as pages. */
    record Discovered(Site site, List<BuildProblem> problems) {
    }
}
