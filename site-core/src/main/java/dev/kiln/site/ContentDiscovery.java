package dev.kiln.site;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.IsPast;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.OutputPath;
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
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Finds the site's pages: every {@code content/**\/*.md} is a page, an {@code _index.md} describes
 * its folder's section (or, at the top, the home page), and every folder holding pages is a
 * section with a list page.
 */
final class ContentDiscovery {
    static final SitePath CONTENT = SitePath.of("content");
    private static final String SECTION_FILE = "_index.md";
    /** A folder holding an {@code index.md} is a page bundle: one page, with its files beside it. */
    static final String BUNDLE_STEM = "index";
    private static final String BUNDLE_FILE = BUNDLE_STEM + ".md";

    private final SiteConfig config;
    private final BuildOptions options;
    private final PageParser parser;
    private final String configFingerprint;
    /** The plain text of each content file parsed in this discovery, with its content's hash: what the search index shows. */
    private final Map<SitePath, PlainTextOf> plainTexts = new ConcurrentHashMap<>();

    /**
     * A content file's plain text, and the SHA-256 of the file it was made from.
     *
     * @param sha256 the file's hash
     * @param text its body's plain text
     */
    record PlainTextOf(String sha256, String text) {
    }

    ContentDiscovery(SiteConfig config, BuildOptions options) {
        this.config = config;
        this.options = options;
        this.parser = new PageParser(config);
        this.configFingerprint = config.fingerprint();
    }

    /** Discovers the site; problems with single files are collected, not thrown. */
    Discovered discover() {
        var all = perform(new ListFiles(CONTENT));
        var bundles = all.stream().filter(path -> path.fileName().equals(BUNDLE_FILE) && !path.parent().equals(CONTENT))
                .map(SitePath::parent).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        // Markdown inside a bundle, but for its index.md, belongs to the bundle: it is no page.
        var files = all.stream()
                .filter(path -> path.fileName().endsWith(".md"))
                .filter(path -> path.fileName().equals(BUNDLE_FILE) || bundleOf(path, bundles) == null)
                .toList();
        var problems = new ArrayList<BuildProblem>();
        var parsed = new ArrayList<Page>();
        // Sections first, shallow before deep, for the front matter they cascade to what they hold.
        var cascades = new HashMap<String, Map<String, Object>>();
        var sectionFiles = new TreeMap<Integer, List<SitePath>>();
        var pageFiles = new ArrayList<SitePath>();
        for (var file : files) {
            if (file.fileName().equals(SECTION_FILE)) {
                sectionFiles.computeIfAbsent(depth(folderOf(file)), key -> new ArrayList<>()).add(file);
            } else {
                pageFiles.add(file);
            }
        }
        for (var level : sectionFiles.values()) {
            var sections = parseAll(level, cascades, problems);
            for (var section : sections) {
                var own = section.params().get("cascade");
                if (own != null && !(own instanceof Map<?, ?>)) {
                    problems.add(new BuildProblem(section.source(), section.lineOf("cascade"),
                            "'cascade' must be a mapping of front matter keys to values"));
                }
                cascades.put(section.section(), withOwnCascade(inheritedBy(section.section(), cascades), own));
            }
            parsed.addAll(sections);
        }
        parsed.addAll(parseAll(pageFiles, cascades, problems));
        var kept = new ArrayList<Page>();
        for (var page : parsed) {
            if (page.draft() && !options.drafts()) {
                continue;
            }
            // Asked of the clock handler, not read from a clock: the build's trace then holds
            // until the first future page's date comes.
            if (!options.future() && page.date().isPresent() && !perform(new IsPast(page.date().get().toInstant()))) {
                continue;
            }
            kept.add(page);
        }
        return new Discovered(assemble(kept), resources(all, bundles, kept), problems, Map.copyOf(cascades), plainTexts);
    }

    private List<Page> parseAll(List<SitePath> files, Map<String, Map<String, Object>> cascades,
            List<BuildProblem> problems) {
        List<Supplier<Either<BuildProblem, Page>>> tasks = files.stream()
                .<Supplier<Either<BuildProblem, Page>>>map(file -> () -> parse(file, cascades))
                .toList();
        var parsed = new ArrayList<Page>();
        for (var result : perform(new Parallel<>(tasks))) {
            result.fold(problems::add, parsed::add);
        }
        return parsed;
    }

    /** Answers the cascade a section's own {@code _index.md} gets: that of the sections above it. */
    private static Map<String, Object> inheritedBy(String section, Map<String, Map<String, Object>> cascades) {
        return section.isEmpty() ? Map.of() : cascadeFor(parentOf(section), cascades);
    }

    /** Answers the cascade a page in {@code folder} gets: its section's, else the nearest above it. */
    private static Map<String, Object> cascadeFor(String folder, Map<String, Map<String, Object>> cascades) {
        for (var at = folder; ; at = parentOf(at)) {
            var cascade = cascades.get(at);
            if (cascade != null) {
                return cascade;
            }
            if (at.isEmpty()) {
                return Map.of();
            }
        }
    }

    private static int depth(String folder) {
        return folder.isEmpty() ? 0 : folder.split("/").length;
    }

    private static String folderOf(SitePath file) {
        var relative = file.relativeTo(CONTENT);
        return relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "";
    }

    /** Answers the bundle folder a content file lies in (at any depth), or null. */
    private static SitePath bundleOf(SitePath path, java.util.NavigableSet<SitePath> bundles) {
        for (var folder = path.parent(); folder.isInside(CONTENT); folder = folder.parent()) {
            if (bundles.contains(folder)) {
                return folder;
            }
        }
        return null;
    }

    /**
     * Answers the content files that are not Markdown, with where they go: beside their bundle's
     * page (wherever its slug or url puts it), else at the same path below the output.
     */
    private static Map<SitePath, OutputPath> resources(List<SitePath> all, java.util.NavigableSet<SitePath> bundles,
            List<Page> pages) {
        var bundleFolders = new HashMap<SitePath, String>();
        for (var page : pages) {
            if (page.hasSourceFile() && page.source().endsWith("/" + BUNDLE_FILE)) {
                var folder = SitePath.of(page.source()).parent();
                var output = page.output().value();
                if (bundles.contains(folder)) {
                    bundleFolders.put(folder, output.contains("/") ? output.substring(0, output.lastIndexOf('/') + 1) : "");
                }
            }
        }
        var resources = new java.util.TreeMap<SitePath, OutputPath>();
        for (var file : all) {
            if (file.fileName().endsWith(".md")) {
                continue;
            }
            var bundle = bundleOf(file, bundles);
            if (bundle == null) {
                resources.put(file, OutputPath.of(file.relativeTo(CONTENT)));
            } else if (bundleFolders.containsKey(bundle)) {
                // A draft bundle left out takes its files with it.
                resources.put(file, OutputPath.of(bundleFolders.get(bundle) + file.relativeTo(bundle)));
            }
        }
        return resources;
    }

    private Either<BuildProblem, Page> parse(SitePath file, Map<String, Map<String, Object>> cascades) {
        try {
            // Traced: an unchanged file is not read or parsed again; its page comes from the last build.
            var fingerprints = parseFingerprints(configFingerprint, cascadeOf(file, cascades));
            var page = perform(new Traced<>(parseKey(file), fingerprints, PageCodec.INSTANCE,
                    () -> parseFile(parser, file, cascades,
                            (content, plainText) -> plainTexts.put(file, new PlainTextOf(content.sha256(), plainText)))));
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

    /** Answers the fingerprints of a content file's parse: the config, and the cascade it gets. */
    static Map<String, String> parseFingerprints(String configFingerprint, Map<String, Object> cascade) {
        return cascade.isEmpty() ? Map.of("config", configFingerprint)
                : Map.of("config", configFingerprint, "cascade", Fingerprint.of(cascade));
    }

    /**
     * Answers the cascade a content page's file gets, worked out from the sections above it as
     * {@code sectionPage} answers them (a section file's page, where there is one), as
     * {@link #discover} works it out from the sections it parses: each section's own cascade over
     * that of the sections above it.
     */
    static Map<String, Object> cascadeOfPage(SitePath file, java.util.function.Function<SitePath, Optional<Page>> sectionPage) {
        var folder = pageFolderOf(file);
        var chain = new java.util.ArrayDeque<String>();
        for (var at = folder; ; at = parentOf(at)) {
            chain.addFirst(at);
            if (at.isEmpty()) {
                break;
            }
        }
        Map<String, Object> cascade = Map.of();
        for (var at : chain) {
            var sectionFile = at.isEmpty() ? CONTENT.resolve(SECTION_FILE) : CONTENT.resolve(at + "/" + SECTION_FILE);
            var own = sectionPage.apply(sectionFile).map(section -> section.params().get("cascade")).orElse(null);
            cascade = withOwnCascade(cascade, own);
        }
        return cascade;
    }

    /** Answers a section's cascade: that of the sections above it, with its own (where a mapping) over it. */
    private static Map<String, Object> withOwnCascade(Map<String, Object> inherited, Object own) {
        var merged = new java.util.LinkedHashMap<String, Object>(inherited);
        if (own instanceof Map<?, ?> values) {
            values.forEach((key, value) -> merged.put(String.valueOf(key), value));
        }
        return OrderedMaps.frozen(merged);
    }

    /** Answers the key of a content file's parse trace. */
    static String parseKey(SitePath file) {
        return "parse:" + file.value();
    }

    /** Answers whether a content file describes a section (or the home page) rather than a page. */
    static boolean isSectionFile(SitePath file) {
        return file.fileName().equals(SECTION_FILE);
    }

    /** Answers the cascade a content file gets from the sections above it. */
    private static Map<String, Object> cascadeOf(SitePath file, Map<String, Map<String, Object>> cascades) {
        var folder = pageFolderOf(file);
        return file.fileName().equals(SECTION_FILE) ? inheritedBy(folder, cascades) : cascadeFor(folder, cascades);
    }

    /** Answers the section a content file's page is in: a bundle's page is in the section around its folder. */
    static String pageFolderOf(SitePath file) {
        var folder = folderOf(file);
        return file.fileName().equals(BUNDLE_FILE) && !folder.isEmpty() ? parentOf(folder) : folder;
    }

    /** Reads and parses one content file, with the cascade of the sections above it; no trace of its own. */
    static Page parseFile(PageParser parser, SitePath file, Map<String, Map<String, Object>> cascades) {
        return parseFile(parser, file, cascades, (content, plainText) -> { });
    }

    /**
     * Reads and parses one content file as {@link #parseFile(PageParser, SitePath, Map)} does,
     * handing {@code plainTextOf} the file's bytes and its body's plain text.
     */
    private static Page parseFile(PageParser parser, SitePath file, Map<String, Map<String, Object>> cascades,
            BiConsumer<Bytes, String> plainTextOf) {
        var folder = pageFolderOf(file);
        var kind = !file.fileName().equals(SECTION_FILE) ? Page.Kind.PAGE : folder.isEmpty() ? Page.Kind.HOME : Page.Kind.SECTION;
        var content = perform(new ReadFile(file));
        return parser.parse(file.value(), folder, content.asUtf8(), kind, cascadeOf(file, cascades),
                plainText -> plainTextOf.accept(content, plainText));
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
        var taxonomies = taxonomies(contentPages);
        taxonomies.forEach((plural, terms) -> {
            all.add(parser.taxonomy(plural));
            terms.forEach(term -> all.add(term.page()));
        });
        all.sort(Comparator.comparing(Page::output));
        return new Site(config, all, sorted(pagesBySection), sorted(sectionsBySection), taxonomies);
    }

    /**
     * Gathers the terms of each taxonomy. Terms that differ only in case or punctuation share a
     * page (one URL); its name is the one the first page in list order writes.
     */
    private Map<String, List<Site.Term>> taxonomies(List<Page> contentPages) {
        var ordered = contentPages.stream().sorted(Site.LIST_ORDER).toList();
        var taxonomies = new java.util.LinkedHashMap<String, List<Site.Term>>();
        var slugs = new HashMap<String, String>();
        for (var plural : config.taxonomies().values()) {
            var names = new HashMap<String, String>();
            var pages = new TreeMap<String, List<Page>>();
            for (var page : ordered) {
                var seen = new java.util.HashSet<String>();
                for (var name : page.terms().getOrDefault(plural, List.of())) {
                    var slug = slugs.computeIfAbsent(name, Titles::urlize);
                    names.putIfAbsent(slug, name);
                    if (seen.add(slug)) {
                        pages.computeIfAbsent(slug, key -> new ArrayList<>()).add(page);
                    }
                }
            }
            if (pages.isEmpty()) {
                continue;
            }
            var terms = new ArrayList<Site.Term>();
            pages.forEach((slug, listed) -> terms.add(new Site.Term(names.get(slug), parser.term(plural, names.get(slug)),
                    listed.stream().sorted(Site.NEWEST_FIRST).toList())));
            terms.sort(Comparator.comparing((Site.Term term) -> term.name().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(Site.Term::name));
            taxonomies.put(plural, List.copyOf(terms));
        }
        return taxonomies;
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

    /**
     * What discovery found: the site, the content files to copy (images beside their pages), and
     * the files that could not be read as pages, the front matter each section cascades to the
     * pages in it (by section folder), and the plain text of each file it parsed (none of those
     * whose parse came from the last build's trace).
     */
    record Discovered(Site site, Map<SitePath, OutputPath> resources, List<BuildProblem> problems,
            Map<String, Map<String, Object>> cascades, Map<SitePath, PlainTextOf> plainTexts) {
    }
}
