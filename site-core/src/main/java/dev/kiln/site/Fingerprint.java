package dev.kiln.site;

import dev.kiln.effects.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 of a value tree (maps, lists, strings, numbers, booleans), in a canonical form: every
 * value is tagged with its type and every string with its length, so different trees never share
 * a form. Maps are walked in the order of their keys, whatever their own order.
 */
final class Fingerprint {
    /** The canonical form is gathered here and digested in one go: many tiny updates cost more. */
    private byte[] buffer = new byte[1024];
    private int size;
    /**
     * Each thread's fingerprint, its buffer reused: a page's context grew a new one from 1 KB by
     * doubling, twice a page, 4 % of all a build allocated. A fingerprint is made in one call
     * that makes no other, so one a thread is enough.
     */
    private static final ThreadLocal<Fingerprint> SCRATCH = ThreadLocal.withInitial(Fingerprint::new);

    private Fingerprint() {
    }

    /** Whether this thread's fingerprint is being made (a value's toString that fingerprints gets its own). */
    private boolean busy;
    /** Buffers larger than this (a data file's, the search index's entries) are not kept. */
    private static final int KEPT_BUFFER = 1 << 20;

    /** Answers the fingerprint of a value tree, as 64 hex digits. */
    static String of(Object value) {
        var scratch = SCRATCH.get();
        var fingerprint = scratch.busy ? new Fingerprint() : scratch;
        fingerprint.busy = true;
        try {
            fingerprint.size = 0;
            fingerprint.add(value);
            return Sha256.hexOf(fingerprint.buffer, 0, fingerprint.size);
        } finally {
            fingerprint.busy = false;
            if (fingerprint.buffer.length > KEPT_BUFFER) {
                fingerprint.buffer = new byte[1024];
            }
        }
    }

    /**
     * Adds a value's canonical form. Tested most frequent type first: a pattern switch over
     * {@code Object} goes through a bootstrap that tries each case in turn, and on a cold JVM that
     * was an eighth of a fingerprint's time.
     */
    private void add(Object value) {
        if (value instanceof String text) {
            tag('S');
            text(text);
        } else if (value instanceof Map<?, ?> map) {
            addMap(map);
        } else if (value instanceof List<?> list) {
            tag('L');
            number(list.size());
            for (var item : list) {
                add(item);
            }
        } else if (value == null) {
            tag('0');
        } else if (value instanceof Boolean flag) {
            tag(flag ? 'T' : 'F');
        } else if (value instanceof Integer number) {
            tag('I');
            text(number.toString());
        } else if (value instanceof Long number) {
            tag('J');
            text(number.toString());
        } else if (value instanceof Number number) {
            tag('N');
            text(number.getClass().getName());
            text(number.toString());
        } else if (value instanceof byte[] bytes) {
            tag('B');
            number(bytes.length);
            bytes(bytes, bytes.length);
        } else {
            tag('O');
            text(value.getClass().getName() + ":" + value);
        }
    }

    private void addMap(Map<?, ?> map) {
        tag('M');
        number(map.size());
        // Sorted by key: a map's own order may change from one JVM run to the next (Map.of).
        var keys = new String[map.size()];
        var values = new Object[map.size()];
        int count = 0;
        for (var entry : map.entrySet()) {
            keys[count] = String.valueOf(entry.getKey());
            values[count++] = entry.getValue();
        }
        sortByKey(keys, values);
        for (int i = 0; i < count; i++) {
            text(keys[i]);
            add(values[i]);
        }
    }

    /**
     * Sorts the entries by key: most maps here are a page's fields, sorted by insertion without
     * the boxed indexes and comparator a general sort needs; large ones (data files) by index.
     */
    private static void sortByKey(String[] keys, Object[] values) {
        if (keys.length > 32) {
            var order = new Integer[keys.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> keys[a].compareTo(keys[b]));
            var sortedKeys = keys.clone();
            var sortedValues = values.clone();
            for (int i = 0; i < order.length; i++) {
                keys[i] = sortedKeys[order[i]];
                values[i] = sortedValues[order[i]];
            }
            return;
        }
        for (int i = 1; i < keys.length; i++) {
            var key = keys[i];
            var value = values[i];
            int at = i;
            for (; at > 0 && keys[at - 1].compareTo(key) > 0; at--) {
                keys[at] = keys[at - 1];
                values[at] = values[at - 1];
            }
            keys[at] = key;
            values[at] = value;
        }
    }

    private void room(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private void tag(char tag) {
        room(1);
        buffer[size++] = (byte) tag;
    }

    private void number(int number) {
        room(4);
        buffer[size++] = (byte) (number >>> 24);
        buffer[size++] = (byte) (number >>> 16);
        buffer[size++] = (byte) (number >>> 8);
        buffer[size++] = (byte) number;
    }

    private void bytes(byte[] bytes, int length) {
        room(length);
        System.arraycopy(bytes, 0, buffer, size, length);
        size += length;
    }

    private void text(String text) {
        int length = text.length();
        // ASCII, the common case, is its own UTF-8: copied without an encoded copy of the string.
        room(4 + length);
        int start = size + 4;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                var encoded = text.getBytes(StandardCharsets.UTF_8);
                number(encoded.length);
                bytes(encoded, encoded.length);
                return;
            }
            buffer[start + i] = (byte) c;
        }
        number(length);
        size += length;
    }
}
