package dev.kiln.effects;

import java.util.Objects;
import java.util.Optional;

/**
 * Writes a file of the output, replacing any file already there; handlers write it whole or not
 * at all.
 *
 * @param path the file, relative to the output folder
 * @param content what the file holds
 * @param vouchingStamp a stamp that vouches for the file already there: an earlier build wrote just
 *     these bytes to it and left it with this stamp, so where the file still has it, a handler may
 *     leave the file as it is without reading it (empty where no such stamp is known)
 * @since 0.1
 */
public record WriteFile(OutputPath path, Bytes content, Optional<FileStamp> vouchingStamp) implements Effect<Unit> {
    public WriteFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(vouchingStamp, "vouchingStamp");
    }

    /** A write with no stamp to vouch for the file already there. */
    public WriteFile(OutputPath path, Bytes content) {
        this(path, content, Optional.empty());
    }

    /** Answers this write with {@code stamp} vouching for the file already there. */
    public WriteFile vouchedBy(FileStamp stamp) {
        return new WriteFile(path, content, Optional.of(stamp));
    }

    /**
     * Answers whether a file found with {@code stamp} (empty where there is none) is vouched for:
     * it holds {@link #content}.
     */
    public boolean isVouchedFor(Optional<FileStamp> stamp) {
        return vouchingStamp.isPresent() && vouchingStamp.equals(stamp);
    }
}
