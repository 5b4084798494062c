package dev.kiln.site;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Immutable copies of maps that keep their order. {@code Map.copyOf} would not do: its iteration
 * order changes from one JVM run to the next, and a template that iterates a map would then write
 * different bytes for the same input.
 */
final class OrderedMaps {
    private OrderedMaps() {
    }

    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Answers {@code built} unmodifiable, without a copy: for a map its maker has just filled and
     * hands on, keeping no other reference to it (a page's context makes hundreds of thousands).
     */
    static <K, V> Map<K, V> frozen(LinkedHashMap<K, V> built) {
        return Collections.unmodifiableMap(built);
    }
}
