package dev.kiln.handlers;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files whole or not at all: into a temporary file beside the target, then a rename over
 * it. The temporary file gets the usual permissions (not {@code createTempFile}'s owner-only ones,
 * which a web server running as another user could not read). A file that is not there yet can
 * be written in place instead ({@link #writeNew}): nothing is lost if that write fails.
 */
final class AtomicFiles {
    /** The most bytes handed to the file's channel at a time (see {@link InChunks}). */
    static final int CHUNK = 1 << 18;

    private AtomicFiles() {
    }

    /** What fills the temporary file. */
    @FunctionalInterface
    interface Filler {
        void fill(OutputStream out) throws IOException;
    }

    static void write(Path target, Filler filler) throws IOException {
        var temporary = temporaryBeside(target);
        boolean moved = false;
        try {
            try (var out = temporary.out()) {
                filler.fill(out);
            }
            try {
                Files.move(temporary.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary.path(), target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            // Only a write that failed leaves its temporary file to remove.
            if (!moved) {
                Files.deleteIfExists(temporary.path());
            }
        }
    }

    /**
     * Writes a file that is not there yet in place: created (only if it does not exist), filled,
     * and removed again if filling or closing it fails, so a failed write leaves nothing behind,
     * as {@link #write} does. This saves the temporary file's name and the rename, about a third of
     * what writing a page's file costs the kernel on ext4; only a process killed while writing can
     * leave the file short, and a build that did not finish saves no trace, so the next build
     * writes it again. Answers false, having written nothing, where the file exists.
     */
    static boolean writeNew(Path target, Filler filler) throws IOException {
        OutputStream out;
        try {
            out = createdNew(target);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        boolean written = false;
        try {
            try (out) {
                filler.fill(out);
            }
            written = true;
        } finally {
            if (!written) {
                Files.deleteIfExists(target);
            }
        }
        return true;
    }

    /** A temporary file, created and opened for writing in one system call. */
    private record Temporary(Path path, OutputStream out) {
    }

    private static Temporary temporaryBeside(Path target) throws IOException {
        var folder = target.getParent();
        var name = "." + target.getFileName() + ".";
        for (int attempt = 0; ; attempt++) {
            var candidate = folder.resolve(name + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".kiln-tmp");
            try {
                return new Temporary(candidate, createdNew(candidate));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Creates a file that is not there yet and opens it for writing, in one system call; fails where it exists. */
    private static OutputStream createdNew(Path file) throws IOException {
        return new InChunks(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /**
     * Passes writes on at most {@link #CHUNK} bytes at a time. A file channel first copies bytes
     * from the heap into a direct buffer as large as the write, which the thread then keeps: the
     * build cache (38 MB for 10,000 pages) and the search index (30 MB) were each copied whole into
     * fresh native memory, page-faulted in on the save's critical path, and held until the process
     * ended.
     */
    static final class InChunks extends FilterOutputStream {
        InChunks(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int from, int length) throws IOException {
            Objects.checkFromIndexSize(from, length, bytes.length);
            for (int done = 0; done < length; ) {
                int part = Math.min(CHUNK, length - done);
                out.write(bytes, from + done, part);
                done += part;
            }
        }
    }
}
