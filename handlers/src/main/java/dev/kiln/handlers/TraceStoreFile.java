package dev.kiln.handlers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Keeps a {@link TraceStore} in a file of the site's cache folder ({@code .kiln/traces.bin}),
 * written atomically so that an interrupted build leaves the previous store or the new one,
 * never half of one. A build that changed a few traces writes them as a delta beside it
 * ({@code traces.delta}) instead of tens of megabytes; writing the store whole removes the delta.
 *
 * @since 0.1
 */
public final class TraceStoreFile {
    /** The store's file name in the cache folder. */
    public static final String NAME = "traces.bin";
    /** The delta's file name in the cache folder. */
    public static final String DELTA_NAME = "traces.delta";

    private final Path file;
    private final Path deltaFile;

    private TraceStoreFile(Path file) {
        this.file = file;
        this.deltaFile = file.resolveSibling(DELTA_NAME);
    }

    /** Answers the store file of a cache folder. */
    public static TraceStoreFile in(Path cacheFolder) {
        return new TraceStoreFile(cacheFolder.resolve(NAME));
    }

    /** Answers the cache folder the store file lies in. */
    public Path folder() {
        return file.getParent();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TraceStoreFile that && file.equals(that.file);
    }

    @Override
    public int hashCode() {
        return file.hashCode();
    }

    /**
     * Reads the store's head; its rest is read from the file when first needed (a build whose
     * outermost trace holds never needs it). A missing or unreadable file gives an empty store
     * saying why.
     */
    public TraceStore load(String kilnVersion) {
        try {
            return TraceStore.read(source(file), Files.isRegularFile(deltaFile) ? source(deltaFile) : null, kilnVersion);
        } catch (NoSuchFileException e) {
            return TraceStore.empty(kilnVersion, "there is no build cache yet");
        } catch (IOException e) {
            return TraceStore.empty(kilnVersion, "the build cache cannot be read (" + e.getMessage() + ")");
        }
    }

    private static TraceStore.Source source(Path file) {
        return new TraceStore.Source() {
            @Override
            public byte[] read(long offset, int length) throws IOException {
                return BlockReads.read(file, offset, length);
            }

            @Override
            public long size() throws IOException {
                return Files.size(file);
            }
        };
    }

    /**
     * Writes the store: as a delta beside the file where it can be one ({@link
     * TraceStore#writableAsDelta}), else replacing the file whole and then removing the delta,
     * which names the file's earlier bytes (left behind by an interrupted save, it is ignored).
     */
    public void save(TraceStore store) throws IOException {
        Files.createDirectories(file.getParent());
        if (store.writableAsDelta() && Files.isRegularFile(file)) {
            AtomicFiles.write(deltaFile, store::writeDeltaTo);
            return;
        }
        AtomicFiles.write(file, store::writeTo);
        Files.deleteIfExists(deltaFile);
    }
}
