package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.CopyFile;
import dev.kiln.effects.DeleteOutputFile;
import dev.kiln.effects.Effect;
import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.FileExists;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.Handler;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.Next;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.ReadOutputFile;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.StatFile;
import dev.kiln.effects.StatOutputFile;
import dev.kiln.effects.Unit;
import dev.kiln.effects.WriteFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real disk: reads the site folder and writes the output folder. Writes are atomic (a temporary
 * file beside the target, then a rename), so a failed or interrupted build never leaves a
 * half-written file; a write whose real location is outside the output folder (through a symbolic
 * link, say) is refused.
 *
 * @since 0.1
 */
public final class FileSystemHandler implements Handler {
    private final Path siteRoot;
    private final Path outputRoot;
    private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();
    /**
     * The stamps a listing saw, by site path, so that asking for a listed file's stamp costs no
     * second system call. A stamp taken at the listing is older than any read after it, which is
     * the safe side for traces. One handler serves one build, so the stamps never outlive it.
     */
    private final Map<String, FileStamp> listedStamps = new ConcurrentHashMap<>();
    /** The listings {@link #listingAhead} started, by folder. */
    private final Map<SitePath, CompletableFuture<List<SitePath>>> listedAhead = new ConcurrentHashMap<>();

    private FileSystemHandler(Path siteRoot, Path outputRoot) {
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
        this.outputRoot = outputRoot.toAbsolutePath().normalize();
    }

    /** Answers a handler reading {@code siteRoot} and writing {@code outputRoot}. */
    public static FileSystemHandler of(Path siteRoot, Path outputRoot) {
        return new FileSystemHandler(siteRoot, outputRoot);
    }

    /**
     * Starts listing {@code folders} on a thread of its own, in that order, and answers this
     * handler: a build first reads its cache, and meanwhile the other core walks the site. Every
     * listing of one of them then answers what that walk found, as a listing taken when the build
     * started: its stamps are older than any read after it, the safe side for traces.
     */
    public FileSystemHandler listingAhead(Collection<SitePath> folders) {
        var listings = new ArrayList<CompletableFuture<List<SitePath>>>();
        for (var folder : folders) {
            var listing = new CompletableFuture<List<SitePath>>();
            listedAhead.put(folder, listing);
            listings.add(listing);
        }
        var inOrder = List.copyOf(folders);
        Thread.ofPlatform().daemon().name("kiln-listing").start(() -> {
            for (int i = 0; i < inOrder.size(); i++) {
                try {
                    listings.get(i).complete(list(inOrder.get(i)));
                } catch (IOException | RuntimeException e) {
                    listings.get(i).completeExceptionally(e);
                }
            }
        });
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        try {
            return switch (effect) {
                case ReadFile read -> (R) read(read);
                case ListFiles list -> (R) listed(list.folder());
                case FileExists exists -> (R) Boolean.valueOf(Files.isRegularFile(site(exists.path())));
                case StatFile stat -> {
                    var listed = listedStamps.get(stat.path().value());
                    yield (R) (listed != null ? Optional.of(listed) : stamp(site(stat.path())));
                }
                case StatOutputFile stat -> (R) stamp(output(stat.path()));
                case DeleteOutputFile delete -> {
                    delete(delete.path());
                    yield (R) Unit.UNIT;
                }
                case WriteFile write -> {
                    var target = writableOutput(write.path());
                    if (!holds(target, write.content())) {
                        AtomicFiles.write(target, write.content()::writeTo);
                    }
                    yield (R) Unit.UNIT;
                }
                case CopyFile copy -> {
                    var source = site(copy.source());
                    AtomicFiles.write(writableOutput(copy.target()), out -> Files.copy(source, out));
                    yield (R) Unit.UNIT;
                }
                case ReadOutputFile read -> (R) readOutput(read.path());
                default -> next.forward(effect);
            };
        } catch (NoSuchFileException e) {
            throw new EffectFailedException(effect, e.getFile(), 0, "no such file", e);
        } catch (IOException | UncheckedIOException e) {
            throw new EffectFailedException(effect, "I/O error: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new EffectFailedException(effect, e.getMessage(), e);
        }
    }

    private Bytes read(ReadFile read) throws IOException {
        var path = site(read.path());
        try {
            return Bytes.wrap(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new EffectFailedException(read, read.path().value(), 0, "no such file", e);
        }
    }

    private List<SitePath> listed(SitePath folder) throws IOException {
        var ahead = listedAhead.get(folder);
        if (ahead == null) {
            return list(folder);
        }
        try {
            return ahead.join();
        } catch (CompletionException e) {
            // Thrown here, in the build's thread, as the listing would have thrown it.
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                default -> throw e;
            }
        }
    }

    private List<SitePath> list(SitePath folder) throws IOException {
        var start = site(folder);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        var found = new ArrayList<String>();
        // Each folder's site path is its parent's and its name: no path is relativised per file.
        var prefixes = new ArrayDeque<String>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(start)) {
                    prefixes.push(folder.value().isEmpty() ? "" : folder.value() + "/");
                    return FileVisitResult.CONTINUE;
                }
                // Hidden folders (.git, .kiln, editors' folders) are never site content.
                if (isHidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                prefixes.push(prefixes.peek() + dir.getFileName() + "/");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                prefixes.pop();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                var name = file.getFileName().toString();
                if (attrs.isRegularFile() && !name.startsWith(".")) {
                    var relative = prefixes.peek() + name;
                    found.add(relative);
                    listedStamps.put(relative, stampOf(attrs));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        var paths = new ArrayList<SitePath>(found.size());
        found.forEach(relative -> paths.add(SitePath.of(relative)));
        return List.copyOf(paths);
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private Optional<Bytes> readOutput(OutputPath path) throws IOException {
        var file = output(path);
        return Files.isRegularFile(file) ? Optional.of(Bytes.wrap(Files.readAllBytes(file))) : Optional.empty();
    }

    private static Optional<FileStamp> stamp(Path file) throws IOException {
        try {
            var attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(stampOf(attributes));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static FileStamp stampOf(BasicFileAttributes attributes) {
        var modified = attributes.lastModifiedTime().toInstant();
        return new FileStamp(attributes.size(), modified.getEpochSecond() * 1_000_000_000L + modified.getNano());
    }

    /**
     * Whether a file already holds exactly these bytes. Reading and comparing costs a small part of
     * a write here (a rename over an existing file is the dearest step on ext4), and an unchanged
     * file keeps its modification time, which rsync and browsers' caches reward.
     */
    private static boolean holds(Path file, Bytes content) throws IOException {
        try {
            return Files.size(file) == content.size() && Bytes.wrap(Files.readAllBytes(file)).equals(content);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private void delete(OutputPath path) throws IOException {
        var file = output(path);
        Files.deleteIfExists(file);
        // Folders the file leaves empty go too, up to (never including) the output folder.
        for (var folder = file.getParent(); folder != null && !folder.equals(outputRoot) && folder.startsWith(outputRoot);
                folder = folder.getParent()) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    break;
                }
            } catch (NoSuchFileException e) {
                continue;
            }
            Files.deleteIfExists(folder);
            checkedFolders.remove(folder);
        }
    }

    private Path site(SitePath path) {
        return path.value().isEmpty() ? siteRoot : siteRoot.resolve(path.value());
    }

    private Path output(OutputPath path) {
        var file = outputRoot.resolve(path.value()).normalize();
        if (!file.startsWith(outputRoot) || file.equals(outputRoot)) {
            throw new IllegalArgumentException("refusing " + path + ": it is not inside the output folder " + outputRoot);
        }
        return file;
    }

    /** Answers where an output file goes, its folder made and checked to lie inside the output. */
    private Path writableOutput(OutputPath path) throws IOException {
        var target = output(path);
        ensureFolderInsideOutput(path, target.getParent());
        return target;
    }

    private void ensureFolderInsideOutput(OutputPath path, Path folder) throws IOException {
        if (checkedFolders.contains(folder)) {
            return;
        }
        Files.createDirectories(folder);
        // createDirectories follows links: a link inside the output could lead anywhere.
        if (!folder.toRealPath().startsWith(outputRoot.toRealPath())) {
            throw new IOException("refusing to write " + path + ": its folder " + folder
                    + " leads outside the output folder " + outputRoot);
        }
        checkedFolders.add(folder);
    }
}
