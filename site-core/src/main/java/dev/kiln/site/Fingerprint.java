package dev.kiln.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The SHA-256 of a value tree (maps, lists, strings, numbers, booleans), in a canonical form: every
 * value is tagged with its type and every string with its length, so different trees never share
 * a form. Maps are walked in the order of their keys, whatever their own order.
 */
final class Fingerprint {
    private final MessageDigest digest;

    private Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Answers the fingerprint of a value tree, as 64 hex digits. */
    static String of(Object value) {
        var fingerprint = new Fingerprint();
        fingerprint.add(value);
        return HexFormat.of().formatHex(fingerprint.digest.digest());
    }

    private void add(Object value) {
        switch (value) {
            case null -> tag('0');
            case Map<?, ?> map -> {
                tag('M');
                number(map.size());
                // Sorted by key: a map's own order may change from one JVM run to the next (Map.of).
                var sorted = new java.util.TreeMap<String, Object>();
                map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
                sorted.forEach((key, item) -> {
                    text(key);
                    add(item);
                });
            }
            case List<?> list -> {
                tag('L');
                number(list.size());
                list.forEach(this::add);
            }
            case String text -> {
                tag('S');
                text(text);
            }
            case Boolean flag -> tag(flag ? 'T' : 'F');
            case Integer number -> {
                tag('I');
                text(number.toString());
            }
            case Long number -> {
                tag('J');
                text(number.toString());
            }
            case Number number -> {
                tag('N');
                text(number.getClass().getName());
                text(number.toString());
            }
            case byte[] bytes -> {
                tag('B');
                number(bytes.length);
                digest.update(bytes);
            }
            default -> {
                tag('O');
                text(value.getClass().getName() + ":" + value);
            }
        }
    }

    private void tag(char tag) {
        digest.update((byte) tag);
    }

    private void number(int number) {
        digest.update(new byte[] {(byte) (number >>> 24), (byte) (number >>> 16), (byte) (number >>> 8), (byte) number});
    }

    private void text(String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        number(bytes.length);
        digest.update(bytes);
    }
}
