package dev.kiln.effects;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A SHA-256 fed in parts, for content hashed as it streams or as it is gathered (a spliced
 * output, a fingerprint's canonical form); it names content as {@link Bytes#sha256} does.
 *
 * @since 0.1
 */
public final class Sha256 {
    /** The lower-case hex digits, as bytes. */
    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);
    /** The value of each Latin-1 character as a hex digit, -1 for one that is none. */
    private static final byte[] VALUES = new byte[256];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int digit = 0; digit < 16; digit++) {
            VALUES[Character.forDigit(digit, 16)] = (byte) digit;
            VALUES[Character.toUpperCase(Character.forDigit(digit, 16))] = (byte) digit;
        }
    }

    /**
     * Each thread's digest for {@link #hexOf}: {@code MessageDigest.getInstance} looks the
     * algorithm up and allocates its state anew, and a build hashes a hundred thousand things.
     */
    private static final ThreadLocal<MessageDigest> ONE_SHOT = ThreadLocal.withInitial(Sha256::newDigest);

    private final MessageDigest digest;

    /** Answers a hash of nothing yet. */
    public Sha256() {
        digest = newDigest();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Answers the hash of {@code length} bytes of {@code data} from {@code from}, as {@link #hex()} does. */
    public static String hexOf(byte[] data, int from, int length) {
        var digest = ONE_SHOT.get();
        digest.reset();
        digest.update(data, from, length);
        return hex(digest.digest());
    }

    /** Adds {@code length} bytes of {@code data} from {@code from}; answers this hash. */
    public Sha256 update(byte[] data, int from, int length) {
        digest.update(data, from, length);
        return this;
    }

    /** Answers the hash of everything added, as 64 lower-case hex digits, and starts again from nothing. */
    public String hex() {
        return hex(digest.digest());
    }

    /**
     * Answers {@code hash} as lower-case hex digits, two a byte. Written out rather than left to
     * {@link java.util.HexFormat}: a build that reads its cache turns tens of thousands of hashes
     * into text before the JIT has compiled anything, and this does a fraction of the work per
     * byte when interpreted (bench/RESULTS.md, "Session 10").
     */
    public static String hex(byte[] hash) {
        var text = new byte[hash.length * 2];
        for (int i = 0; i < hash.length; i++) {
            text[2 * i] = DIGITS[(hash[i] >> 4) & 0xf];
            text[2 * i + 1] = DIGITS[hash[i] & 0xf];
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * Answers the bytes that lower-case or upper-case hex digits {@code hex} spell, two digits a
     * byte: the reverse of {@link #hex(byte[])}.
     *
     * @throws IllegalArgumentException where {@code hex} is of odd length or holds another character
     */
    public static byte[] bytesOfHex(String hex) {
        // The text's Latin-1 bytes (a plain copy for hex digits; any other character becomes '?'),
        // read through a table: a save encodes tens of thousands of hashes, mostly interpreted.
        var text = hex.getBytes(StandardCharsets.ISO_8859_1);
        if (text.length % 2 != 0) {
            throw new IllegalArgumentException("an odd number of hex digits: " + hex);
        }
        var bytes = new byte[text.length / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = VALUES[text[2 * i] & 0xff];
            int low = VALUES[text[2 * i + 1] & 0xff];
            if ((high | low) < 0) {
                throw new IllegalArgumentException("not a hex digit in " + hex);
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }
}
