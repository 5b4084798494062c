package dev.kiln.effects;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sequence of bytes: a file's content. Two are equal when their bytes are, which is
 * what content-addressed caching, tracing and dry-run compare; {@link #sha256()} names the content.
 *
 * @since 0.1
 */
public final class Bytes {
    private static final Bytes EMPTY = new Bytes(new byte[0]);

    /**
     * Each thread's buffer for {@link #written}: a build encodes every parsed page for its trace
     * (about 2 KB each), and a fresh buffer grew to that from 32 bytes by doubling, a page at a
     * time (100 MB of a cold build's allocation).
     */
    private static final ThreadLocal<WrittenBuffer> WRITTEN = ThreadLocal.withInitial(WrittenBuffer::new);
    /** Buffers larger than this (a large site's search-index layout) are not kept. */
    private static final int KEPT_WRITTEN = 1 << 20;

    private final byte[] data;
    private volatile String sha256;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Answers a copy of {@code data}; later changes to the array do not show. */
    public static Bytes of(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /**
     * Answers bytes that take ownership of {@code data} without copying: for handlers that have
     * just read a file and hold the only reference to the array.
     */
    public static Bytes wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data);
    }

    /** Answers the UTF-8 encoding of {@code text}. */
    public static Bytes utf8(String text) {
        return wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers the bytes a writer writes to a {@link DataOutputStream}: for codecs. */
    public static Bytes written(DataWriter writer) {
        var kept = WRITTEN.get();
        var buffer = kept.busy ? new WrittenBuffer() : kept;
        buffer.busy = true;
        try {
            var out = new DataOutputStream(buffer);
            writer.write(out);
            out.flush();
            return wrap(buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        } finally {
            buffer.busy = false;
            buffer.reset();
            if (buffer == kept && buffer.capacity() > KEPT_WRITTEN) {
                WRITTEN.remove();
            }
        }
    }

    /**
     * Answers what a reader reads from these bytes through a {@link DataInputStream}: for codecs.
     *
     * @throws IllegalArgumentException if the bytes end before the reader is done, or it finds them wrong
     */
    public <T> T read(DataReader<T> reader) {
        try {
            return reader.read(new DataInputStream(new ByteArrayInputStream(data)));
        } catch (IOException e) {
            throw new IllegalArgumentException("bytes that do not read as expected: " + e.getMessage(), e);
        }
    }

    /** Writes a value to a data stream. */
    @FunctionalInterface
    public interface DataWriter {
        /** Writes to {@code out}. */
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a value from a data stream. */
    @FunctionalInterface
    public interface DataReader<T> {
        /** Reads from {@code in}. */
        T read(DataInputStream in) throws IOException;
    }

    /** Answers the content decoded as UTF-8. */
    public String asUtf8() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Answers a copy of the content. */
    public byte[] toArray() {
        return data.clone();
    }

    /**
     * Answers whether the {@code length} bytes from {@code offset} are the first {@code length} of
     * {@code other}: for comparing with a file read a block at a time.
     */
    public boolean regionMatches(int offset, byte[] other, int length) {
        Objects.checkFromIndexSize(0, length, other.length);
        return offset >= 0 && length <= data.length - offset
                && Arrays.equals(data, offset, offset + length, other, 0, length);
    }

    /** Answers these bytes with those from {@code from} to {@code to} replaced by {@code replacement}. */
    public Bytes replaced(int from, int to, Bytes replacement) {
        Objects.checkFromToIndex(from, to, data.length);
        var result = new byte[data.length - (to - from) + replacement.data.length];
        System.arraycopy(data, 0, result, 0, from);
        System.arraycopy(replacement.data, 0, result, from, replacement.data.length);
        System.arraycopy(data, to, result, from + replacement.data.length, data.length - to);
        return wrap(result);
    }

    /** Answers how many bytes there are. */
    public int size() {
        return data.length;
    }

    /** Writes the content to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(data);
    }

    /** Answers the SHA-256 of the content as 64 lower-case hex digits, computed once. */
    public String sha256() {
        String hash = sha256;
        if (hash == null) {
            hash = Sha256.hexOf(data, 0, data.length);
            sha256 = hash;
        }
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes bytes && Arrays.equals(data, bytes.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Bytes[" + data.length + "]";
    }

    /** A buffer {@link #written} reuses; busy while a writer writes (one that encodes inside gets its own). */
    private static final class WrittenBuffer extends ByteArrayOutputStream {
        private boolean busy;

        WrittenBuffer() {
            super(4096);
        }

        int capacity() {
            return buf.length;
        }
    }
}
