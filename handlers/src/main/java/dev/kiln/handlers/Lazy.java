package dev.kiln.handlers;

import java.util.function.Supplier;

/** A value built once, on first use, by whichever thread asks first; later askers get the same. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        var built = value;
        if (built == null) {
            synchronized (this) {
                built = value;
                if (built == null) {
                    built = factory.get();
                    value = built;
                }
            }
        }
        return built;
    }
}
