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
import dev.kiln.effects.Sha256;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.SpliceOutputFile;
import dev.kiln.effects.StatFile;
import dev.kiln.effects.StatOutputFile;
import dev.kiln.effects.StatOutputFiles;
import dev.kiln.effects.Unit;
import dev.kiln.effects.WriteFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The real disk: reads the site folder and writes the output folder. Writes are atomic (a temporary
 * file beside the target, then a rename), so a failed or interrupted build never leaves a
 * half-written file; a write whose real location is outside the output folder (through a symbolic
 * link, say) is refused.
 *
 * @since 0.1
 */
public final class FileSystemHandler implements Handler {
    /** How many threads a listing ahead walks folders' subfolders on. */
    private static final int LISTING_THREADS = 2;
    /** How many bytes of an output are compared at a time with what a write would put there. */
    private static final int COMPARED_BLOCK = 1 << 16;
    /** Each thread's block for comparing outputs: a second build compares every page it writes. */
    private static final ThreadLocal<ByteBuffer> COMPARED = ThreadLocal.withInitial(() -> ByteBuffer.allocate(COMPARED_BLOCK));
    /** How many bytes of an output are copied at a time when it is spliced. */
    private static final int SPLICED_BLOCK = 1 << 20;

    private final Path siteRoot;
    private final Path outputRoot;
    private final Set<Path> checkedFolders = ConcurrentHashMap.newKeySet();
    /**
     * The output folders this handler made: a file in one cannot be older than this build (a
     * handler writes for one build), so it is written without comparing it with what is there.
     */
    private final Set<Path> madeFolders = ConcurrentHashMap.newKeySet();
    private volatile Path realOutputRoot;
    /**
     * The stamps a listing saw, by site path, so that asking for a listed file's stamp costs no
     * second system call. A stamp taken at the listing is older than any read after it, which is
     * the safe side for traces. One handler serves one build, so the stamps never outlive it.
     */
    private final Map<String, FileStamp> listedStamps;
    /** The listings {@link #listingAhead} started, by folder. */
    private final Map<SitePath, CompletableFuture<List<SitePath>>> listedAhead;
    /**
     * The site paths of entries a listing met that are neither folders nor regular files (links,
     * mostly): where a listing met none, whether a file exists is what the listing says.
     */
    private final Set<String> unlistedEntries;
    /** Whether the listing ahead of each folder met such an entry, worked out once that listing ended. */
    private final Map<SitePath, Boolean> listingsWithUnlisted = new ConcurrentHashMap<>();
    /**
     * What this handler read, by site path. A content file is read by its page's parse, its
     * render and the search index: answering the same bytes again saves the reads and lets the
     * traces' hash of them be computed once. A handler serves one build, so nothing read here
     * outlives it.
     */
    private final Map<String, Bytes> reads = new ConcurrentHashMap<>();

    private FileSystemHandler(Path siteRoot, Path outputRoot) {
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
        this.outputRoot = outputRoot.toAbsolutePath().normalize();
        this.listedStamps = new ConcurrentHashMap<>(1 << 14);
        this.listedAhead = new ConcurrentHashMap<>();
        this.unlistedEntries = ConcurrentHashMap.newKeySet();
    }

    private FileSystemHandler(FileSystemHandler listing, Path outputRoot) {
        this.siteRoot = listing.siteRoot;
        this.outputRoot = outputRoot.toAbsolutePath().normalize();
        this.listedStamps = listing.listedStamps;
        this.listedAhead = listing.listedAhead;
        this.unlistedEntries = listing.unlistedEntries;
    }

    /** Answers a handler reading {@code siteRoot} and writing {@code outputRoot}. */
    public static FileSystemHandler of(Path siteRoot, Path outputRoot) {
        return new FileSystemHandler(siteRoot, outputRoot);
    }

    /**
     * Answers a handler reading the same site folder, with the listings this one started ahead
     * and the stamps they saw, and writing to {@code outputRoot}: a build starts walking its site
     * before its config says where the output goes.
     */
    public FileSystemHandler writingTo(Path outputRoot) {
        return new FileSystemHandler(this, outputRoot);
    }

    /**
     * Starts listing {@code folders}, in that order, on threads of their own (each subfolder a
     * task), and answers this handler: a build first reads its cache, and meanwhile the other
     * core walks the site. Every listing of one of those folders then answers what that walk
     * found, and a stat of a file it listed the stamp it saw: as if taken when the build started,
     * older than any read after it, the safe side for traces.
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
            try (var pool = Executors.newFixedThreadPool(LISTING_THREADS, Thread.ofPlatform().daemon().factory())) {
                for (int i = 0; i < inOrder.size(); i++) {
                    try {
                        listings.get(i).complete(list(inOrder.get(i), pool));
                    } catch (IOException | RuntimeException | Error e) {
                        // Every listing ends, one way or the other: a build waits for it.
                        listings.get(i).completeExceptionally(e);
                    }
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
                case FileExists exists -> (R) Boolean.valueOf(exists(exists.path()));
                case StatFile stat -> {
                    var listed = listedStamp(stat.path());
                    yield (R) (listed != null ? Optional.of(listed) : stamp(site(stat.path())));
                }
                case StatOutputFile stat -> (R) stamp(output(stat.path()));
                case StatOutputFiles stats -> {
                    var stamps = new ArrayList<Optional<FileStamp>>(stats.paths().size());
                    for (var path : stats.paths()) {
                        stamps.add(stamp(output(path)));
                    }
                    yield (R) List.copyOf(stamps);
                }
                case DeleteOutputFile delete -> {
                    delete(delete.path());
                    yield (R) Unit.UNIT;
                }
                case WriteFile write -> {
                    var target = writableOutput(write.path());
                    // In a folder this build made, the file is new (unless another write of this
                    // build made it) and is written in place; elsewhere one that already holds
                    // these bytes (its stamp vouches for it, or it is read and compared) is left as
                    // it is. Any other is replaced whole.
                    boolean done = madeFolders.contains(target.getParent())
                            ? AtomicFiles.writeNew(target, write.content()::writeTo)
                            : write.vouchingStamp().isPresent() && write.isVouchedFor(stamp(target))
                                    || holds(target, write.content());
                    if (!done) {
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
                case SpliceOutputFile splice -> (R) splice(splice);
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
        var key = read.path().value();
        var known = reads.get(key);
        if (known != null) {
            return known;
        }
        var path = site(read.path());
        try {
            var content = Bytes.wrap(Files.readAllBytes(path));
            var earlier = reads.putIfAbsent(key, content);
            return earlier != null ? earlier : content;
        } catch (NoSuchFileException e) {
            throw new EffectFailedException(read, read.path().value(), 0, "no such file", e);
        }
    }

    /** Waits for every task of {@code tasks}, throwing the first failure as an I/O error about {@code what}. */
    private static <T> List<T> awaitAll(List<Future<T>> tasks, String what) throws IOException {
        try {
            var results = new ArrayList<T>(tasks.size());
            for (var task : tasks) {
                results.add(task.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while walking " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot walk " + what + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * Answers the stamp a listing saw of a file, or null: where a listing ahead covers its folder,
     * once that listing is done (a stat of every file while the walk stats them too would make
     * the two cores do the same work).
     */
    private FileStamp listedStamp(SitePath file) {
        var listed = listedStamps.get(file.value());
        if (listed != null || listedAhead.isEmpty()) {
            return listed;
        }
        for (var ahead : listedAhead.entrySet()) {
            if (file.isInside(ahead.getKey())) {
                // A listing that failed stamps nothing: the file is then stat'ed on its own.
                ahead.getValue().exceptionally(failure -> List.of()).join();
                return listedStamps.get(file.value());
            }
        }
        return null;
    }

    /**
     * Answers whether a regular file is at {@code file}: from the listing ahead of its folder
     * where that listing met only folders and regular files (a layout or partial a site does not
     * override is asked for on every render, and was a failed stat each time), else by a stat.
     */
    private boolean exists(SitePath file) {
        for (var ahead : listedAhead.entrySet()) {
            var folder = ahead.getKey();
            if (file.isInside(folder)) {
                List<SitePath> listing;
                try {
                    listing = ahead.getValue().join();
                } catch (CompletionException | java.util.concurrent.CancellationException failed) {
                    // A listing that failed answers nothing here; the build meets its failure where it lists.
                    listing = null;
                }
                if (listing != null && !file.value().contains("/.")
                        && !listingsWithUnlisted.computeIfAbsent(folder, this::metUnlisted)) {
                    return listedStamps.containsKey(file.value());
                }
                break;
            }
        }
        return Files.isRegularFile(site(file));
    }

    private boolean metUnlisted(SitePath folder) {
        if (unlistedEntries.isEmpty()) {
            return false;
        }
        var prefix = folder.value().isEmpty() ? "" : folder.value() + "/";
        return unlistedEntries.stream().anyMatch(entry -> entry.startsWith(prefix) || (entry + "/").equals(prefix));
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
        return list(folder, null);
    }

    /**
     * Lists the regular, not hidden files under {@code folder}, sorted, noting their stamps; with
     * a pool, each subfolder of it is walked as a task of its own there.
     */
    private List<SitePath> list(SitePath folder, ExecutorService pool) throws IOException {
        var start = site(folder);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        var prefix = folder.value().isEmpty() ? "" : folder.value() + "/";
        var found = new ArrayList<String>();
        if (pool == null) {
            walk(start, prefix, found);
            return sortedPaths(found);
        }
        var parts = new ArrayList<Future<List<SitePath>>>();
        try (var entries = Files.newDirectoryStream(start)) {
            for (var entry : entries) {
                var attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isDirectory()) {
                    visit(entry, attributes, prefix, found);
                } else if (!isHidden(entry)) {
                    parts.add(pool.submit(() -> {
                        var part = new ArrayList<String>();
                        walk(entry, prefix + entry.getFileName() + "/", part);
                        return sortedPaths(part);
                    }));
                }
            }
        }
        // Each subfolder's paths come sorted from the pool's threads, and share its prefix: the
        // sort of the whole is a merge of a few runs, not a sort of 10,000 paths on one thread.
        var paths = new ArrayList<>(sortedPaths(found));
        awaitAll(parts, folder.value() + "/").forEach(paths::addAll);
        paths.sort(null);
        return List.copyOf(paths);
    }

    private static List<SitePath> sortedPaths(List<String> relative) {
        relative.sort(null);
        var paths = new ArrayList<SitePath>(relative.size());
        relative.forEach(path -> paths.add(SitePath.of(path)));
        return List.copyOf(paths);
    }

    /** Walks the folder {@code start}, whose site path is {@code prefix}, adding the files under it to {@code found}. */
    private void walk(Path start, String prefix, List<String> found) throws IOException {
        // Each folder's site path is its parent's and its name: no path is relativised per file.
        var prefixes = new ArrayDeque<String>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(start)) {
                    prefixes.push(prefix);
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
                visit(file, attrs, prefixes.peek(), found);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Adds a file in the folder whose site path is {@code prefix} to {@code found}, where it is a regular, not hidden one. */
    private void visit(Path file, BasicFileAttributes attributes, String prefix, List<String> found) {
        var name = file.getFileName().toString();
        if (attributes.isRegularFile() && !name.startsWith(".")) {
            var relative = prefix + name;
            found.add(relative);
            listedStamps.put(relative, stampOf(attributes));
        } else if (!attributes.isRegularFile() && !attributes.isDirectory()) {
            unlistedEntries.add(prefix + name);
        }
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private Optional<Bytes> readOutput(OutputPath path) throws IOException {
        var file = output(path);
        return Files.isRegularFile(file) ? Optional.of(Bytes.wrap(BlockReads.readAll(file))) : Optional.empty();
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
     * Splices an output a block at a time, hashing what it writes: the old file streams through a
     * block-sized buffer into the temporary file that replaces it, so neither is ever held whole
     * (the search index of 10,000 pages is 30 MB).
     */
    private String splice(SpliceOutputFile splice) throws IOException {
        var target = writableOutput(splice.path());
        var digest = new Sha256();
        try (var old = FileChannel.open(target, StandardOpenOption.READ)) {
            long size = old.size();
            splice.check(size);
            boolean same = true;
            for (var part : splice.parts()) {
                // The bytes replaced, or what is expected there where that runs further.
                int replaced = (int) (part.to() - part.from());
                var there = ByteBuffer.allocate(Math.max(replaced, part.expected().size()));
                readFully(old, there, part.from());
                if (!part.expected().regionMatches(0, there.array(), part.expected().size())) {
                    throw splice.unexpected(part);
                }
                same &= part.replacement().size() == replaced
                        && part.replacement().regionMatches(0, there.array(), replaced);
            }
            var block = ByteBuffer.allocate(SPLICED_BLOCK);
            if (same) {
                // The same bytes: the file stays as it is, time stamp included.
                copy(old, 0, size, block, digest, null);
                return digest.hex();
            }
            AtomicFiles.write(target, out -> {
                long at = 0;
                for (var part : splice.parts()) {
                    copy(old, at, part.from(), block, digest, out);
                    var replacement = part.replacement().toArray();
                    digest.update(replacement, 0, replacement.length);
                    out.write(replacement);
                    at = part.to();
                }
                copy(old, at, size, block, digest, out);
            });
        }
        return digest.hex();
    }

    /** Hashes the bytes of {@code file} from {@code from} to {@code to}, copying them to {@code out} if there is one. */
    private static void copy(FileChannel file, long from, long to, ByteBuffer block, Sha256 digest,
            OutputStream out) throws IOException {
        for (long at = from; at < to; ) {
            block.clear().limit((int) Math.min(block.capacity(), to - at));
            readFully(file, block, at);
            digest.update(block.array(), 0, block.limit());
            if (out != null) {
                out.write(block.array(), 0, block.limit());
            }
            at += block.limit();
        }
    }

    private static void readFully(FileChannel file, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                throw new java.io.EOFException("the file ended early");
            }
        }
    }

    /**
     * Whether a file already holds exactly these bytes. Reading and comparing costs a small part of
     * a write here (a rename over an existing file is the dearest step on ext4), and an unchanged
     * file keeps its modification time, which rsync and browsers' caches reward. It is read a block
     * at a time: a file written again with other bytes of the same size (an edited search index,
     * 30 MB for 10,000 pages) is most often told apart long before its end, and never read into
     * memory whole.
     */
    private static boolean holds(Path file, Bytes content) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != content.size()) {
                return false;
            }
            var block = COMPARED.get();
            for (int offset = 0; offset < content.size(); ) {
                int read = channel.read(block.clear());
                if (read < 0 || !content.regionMatches(offset, block.array(), read)) {
                    return false;
                }
                offset += read;
            }
            return true;
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
            madeFolders.remove(folder);
        }
    }

    private Path site(SitePath path) {
        return path.value().isEmpty() ? siteRoot : siteRoot.resolve(path.value());
    }

    /**
     * Answers where an output lies. An {@link OutputPath} holds no absolute part and no {@code .}
     * or {@code ..} segment, so it stays inside the output folder without being normalised (links
     * are checked where files are written); only the folder itself is refused.
     */
    private Path output(OutputPath path) {
        if (path.value().isEmpty()) {
            throw new IllegalArgumentException("refusing the output folder itself as an output file: " + outputRoot);
        }
        return outputRoot.resolve(path.value());
    }

    /** Answers where an output file goes, its folder made and checked to lie inside the output. */
    private Path writableOutput(OutputPath path) throws IOException {
        var target = output(path);
        ensureFolderInsideOutput(path, target.getParent());
        return target;
    }

    /** Answers where the output folder really is, links resolved: looked up once, it exists by the first write. */
    private Path realOutputRoot() throws IOException {
        var real = realOutputRoot;
        if (real == null) {
            real = outputRoot.toRealPath();
            realOutputRoot = real;
        }
        return real;
    }

    private void ensureFolderInsideOutput(OutputPath path, Path folder) throws IOException {
        if (checkedFolders.contains(folder)) {
            return;
        }
        var parent = folder.getParent();
        if (!folder.equals(outputRoot) && parent != null && parent.startsWith(outputRoot)) {
            ensureFolderInsideOutput(path, parent);
            // A real folder (not a link) inside a checked one is inside the output: no path to
            // resolve. Most page folders are new, and mkdir makes a real folder or fails. In a
            // folder this build made, nothing is there to look at but what another thread made.
            if (!madeFolders.contains(parent) && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                checkedFolders.add(folder);
                return;
            }
            try {
                Files.createDirectory(folder);
                madeFolders.add(folder);
                checkedFolders.add(folder);
                return;
            } catch (FileAlreadyExistsException e) {
                // A link, a file, or a folder another thread just made: checked below.
            }
        }
        // A folder already there is not created again: that costs a failed mkdir and an exception.
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder);
        }
        // createDirectories follows links: a link inside the output could lead anywhere.
        if (!folder.toRealPath().startsWith(realOutputRoot())) {
            throw new IOException("refusing to write " + path + ": its folder " + folder
                    + " leads outside the output folder " + outputRoot);
        }
        checkedFolders.add(folder);
    }
}
