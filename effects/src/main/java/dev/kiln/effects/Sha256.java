package dev.kiln.effects;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 fed in parts, for content hashed as it streams or as it is gathered (a spliced
 * output, a fingerprint's canonical form); it names content as {@link Bytes#sha256} does.
 *
 * @since 0.1
 */
public final class Sha256 {
    private final MessageDigest digest;

    /** Answers a hash of nothing yet. */
    public Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Adds {@code length} bytes of {@code data} from {@code from}; answers this hash. */
    public Sha256 update(byte[] data, int from, int length) {
        digest.update(data, from, length);
        return this;
    }

    /** Answers the hash of everything added, as 64 lower-case hex digits, and starts again from nothing. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
