package dev.kiln.handlers;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads files into the heap a block at a time. A file channel reads into a heap array through a
 * native buffer as large as the read, which the thread then keeps: read whole, the 35 MB build
 * cache or the 30 MB search index of a 10,000-page site was that much fresh memory to fault in,
 * and kept until the process ended.
 */
final class BlockReads {
    /** How many bytes a read asks the system for at a time. */
    static final int BLOCK = 1 << 20;
    /** The largest file {@link #readAll} reads: the largest array the JVM makes. */
    private static final int LARGEST = Integer.MAX_VALUE - 16;

    private BlockReads() {
    }

    /** Answers the whole of {@code file}. */
    static byte[] readAll(Path file) throws IOException {
        long size = Files.size(file);
        if (size > LARGEST) {
            throw new IOException("too large to read into memory (" + size + " bytes): " + file);
        }
        return read(file, 0, LARGEST);
    }

    /** Answers up to {@code length} bytes of {@code file} from {@code offset}: fewer where it ends. */
    static byte[] read(Path file, long offset, int length) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var bytes = new byte[(int) Math.max(0, Math.min(length, channel.size() - offset))];
            int filled = 0;
            while (filled < bytes.length) {
                int read = channel.read(ByteBuffer.wrap(bytes, filled, Math.min(BLOCK, bytes.length - filled)),
                        offset + filled);
                if (read < 0) {
                    break;
                }
                filled += read;
            }
            return filled < bytes.length ? Arrays.copyOf(bytes, filled) : bytes;
        }
    }
}
