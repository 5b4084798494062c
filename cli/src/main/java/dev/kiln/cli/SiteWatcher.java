package dev.kiln.cli;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a site's sources (content, layouts, static, assets, data, the config: everything in the
 * site folder but the output, the build cache and hidden folders) and calls back once a burst of
 * changes has settled, with the files the burst touched. Watching is directory-watcher's:
 * recursive, new folders included.
 */
final class SiteWatcher implements AutoCloseable {
    private final DirectoryWatcher watcher;
    private final ScheduledExecutorService debouncer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "kiln-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pending;
    private Set<Path> touched = new HashSet<>();
    private boolean lostTrack;

    /**
     * The files a burst of changes touched (absolute paths), created, changed or deleted.
     *
     * @param files the files
     * @param complete false where the watcher may have missed some (its queue overflowed)
     */
    record Changes(Set<Path> files, boolean complete) {
        Changes {
            files = Set.copyOf(files);
        }
    }

    private SiteWatcher(Path site, List<Path> ignored, long debounceMillis, Consumer<Changes> onChange) throws IOException {
        this.watcher = DirectoryWatcher.builder()
                .path(site)
                .fileHashing(false)
                .fileTreeVisitor(new SkippingVisitor(ignored))
                .listener(event -> {
                    if (relevant(event, site, ignored)) {
                        schedule(event, onChange, debounceMillis);
                    }
                })
                .build();
        watcher.watchAsync(Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Starts watching {@code site}, leaving out the {@code ignored} folders. */
    static SiteWatcher start(Path site, List<Path> ignored, long debounceMillis, Consumer<Changes> onChange) throws IOException {
        return new SiteWatcher(site.toAbsolutePath().normalize(), ignored.stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                debounceMillis, onChange);
    }

    private static boolean relevant(DirectoryChangeEvent event, Path site, List<Path> ignored) {
        var path = event.path();
        if (path == null || event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
            return true;
        }
        var normalized = path.toAbsolutePath().normalize();
        if (ignored.stream().anyMatch(normalized::startsWith)) {
            return false;
        }
        var relative = site.relativize(normalized);
        for (var part : relative) {
            var name = part.toString();
            if (name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".kiln-tmp")) {
                return false;
            }
        }
        return true;
    }

    private synchronized void schedule(DirectoryChangeEvent event, Consumer<Changes> onChange, long debounceMillis) {
        if (event.path() == null || event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
            lostTrack = true;
        } else {
            touched.add(event.path().toAbsolutePath().normalize());
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = debouncer.schedule(() -> onChange.accept(takeChanges()), debounceMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized Changes takeChanges() {
        var changes = new Changes(touched, !lostTrack);
        touched = new HashSet<>();
        lostTrack = false;
        return changes;
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        debouncer.shutdownNow();
    }

    /** Registers every folder but the ignored and hidden ones, so their changes cost nothing. */
    private record SkippingVisitor(List<Path> ignored) implements FileTreeVisitor {
        @Override
        public void recursiveVisitFiles(Path start, Callback onDirectory, Callback onFile) throws IOException {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    var normalized = dir.toAbsolutePath().normalize();
                    if (ignored.stream().anyMatch(normalized::startsWith)
                            || (!dir.equals(start) && dir.getFileName().toString().startsWith("."))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    onDirectory.call(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    onFile.call(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }
}
