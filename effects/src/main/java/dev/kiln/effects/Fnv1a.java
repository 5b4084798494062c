package dev.kiln.effects;

/**
 * The 64-bit FNV-1a hash of a string's characters: a cheap, stable key under which a store finds
 * a path or a name again (the search index's entries, the build cache's traces). Not for content,
 * which {@link Sha256} names.
 *
 * @since 0.1
 */
public final class Fnv1a {
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fnv1a() {
    }

    /** Answers the 64-bit FNV-1a hash of {@code text}'s characters. */
    public static long hash64(CharSequence text) {
        long hash = OFFSET_BASIS;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * PRIME;
        }
        return hash;
    }
}
