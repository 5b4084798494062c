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
}
