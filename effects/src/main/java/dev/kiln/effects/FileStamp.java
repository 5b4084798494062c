package dev.kiln.effects;

/**
 * What a file's metadata says of it: its size and when it was last modified. Two equal stamps are
 * taken to mean unchanged content, so traces hash a file only when its stamp differs.
 *
 * @param size the size in bytes
 * @param modified the modification time, in nanoseconds since the epoch (or any number that
 *     changes whenever the content may have)
 * @since 0.1
 */
public record FileStamp(long size, long modified) {
    // Written out rather than left to the record: the record's own are bootstrapped through
    // method handles and run slowly until the JIT compiles them, which a short build feels on
    // every one of its tens of thousands of stamps and paths (bench/RESULTS.md, "Session 8").
    @Override
    public boolean equals(Object other) {
        return other instanceof FileStamp stamp && stamp.size == size && stamp.modified == modified;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Long.hashCode(modified);
    }
}
