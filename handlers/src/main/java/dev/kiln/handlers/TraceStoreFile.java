package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Keeps a {@link TraceStore} in a file of the site's cache folder ({@code .kiln/traces.bin}),
 * written atomically so that an interrupted build leaves the previous store or the new one,
 * never half of one.
 *
 * @since 0.1
 */
public final class TraceStoreFile {
    /** The store's file name in the cache folder. */
    public static final String NAME = "traces.bin";

    private final Path file;

    private TraceStoreFile(Path file) {
        this.file = file;
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

    /** Reads the store; a missing or unreadable file gives an empty store saying why. */
    public TraceStore load(String kilnVersion) {
        try {
            return TraceStore.decode(Bytes.wrap(Files.readAllBytes(file)), kilnVersion);
        } catch (NoSuchFileException e) {
            return TraceStore.empty(kilnVersion, "there is no build cache yet");
        } catch (IOException e) {
            return TraceStore.empty(kilnVersion, "the build cache cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Writes the store, replacing the file whole. */
    public void save(TraceStore store) throws IOException {
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, store::writeTo);
    }
}
