package dev.kiln.effects;

/**
 * Turns values into bytes and back, so that a traced computation's answer can be kept between
 * builds.
 *
 * @param <T> the type of value
 * @since 0.1
 */
public interface Codec<T> {
    /** Answers the bytes of a value. */
    Bytes encode(T value);

    /** Answers the value of bytes made by {@link #encode}. */
    T decode(Bytes bytes);

    /** Answers the codec of {@link Unit}, for computations that matter only for what they write. */
    static Codec<Unit> unit() {
        return UnitCodec.INSTANCE;
    }
}
