package dev.kiln.site;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the plain values of front matter, data files and template contexts between builds: null,
 * strings, numbers, booleans, bytes, and lists and maps of them. {@link #exact} tells whether a
 * value comes back as it went in; {@link #write} turns anything else into its text.
 */
final class PlainValues {
    private PlainValues() {
    }

    /** Answers whether {@link #read} gives back a value equal to {@code value}, of the same types. */
    static boolean exact(Object value) {
        return switch (value) {
            case null -> true;
            case String text -> true;
            case Integer number -> true;
            case Long number -> true;
            case Double number -> true;
            case Boolean flag -> true;
            case BigInteger number -> true;
            case List<?> list -> list.stream().allMatch(PlainValues::exact);
            case Map<?, ?> map -> map.entrySet().stream()
                    .allMatch(entry -> entry.getKey() instanceof String && exact(entry.getValue()));
            default -> false;
        };
    }

    static void writeText(DataOutputStream out, String text) throws IOException {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readText(DataInputStream in) throws IOException {
        var bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void write(DataOutputStream out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeByte(0);
            case String text -> {
                out.writeByte(1);
                writeText(out, text);
            }
            case Integer number -> {
                out.writeByte(2);
                out.writeInt(number);
            }
            case Long number -> {
                out.writeByte(3);
                out.writeLong(number);
            }
            case Double number -> {
                out.writeByte(4);
                out.writeDouble(number);
            }
            case Boolean flag -> {
                out.writeByte(5);
                out.writeBoolean(flag);
            }
            case List<?> list -> {
                out.writeByte(6);
                out.writeInt(list.size());
                for (var item : list) {
                    write(out, item);
                }
            }
            case Map<?, ?> map -> {
                out.writeByte(7);
                out.writeInt(map.size());
                for (var entry : map.entrySet()) {
                    writeText(out, String.valueOf(entry.getKey()));
                    write(out, entry.getValue());
                }
            }
            case BigInteger number -> {
                out.writeByte(8);
                writeText(out, number.toString());
            }
            case byte[] bytes -> {
                out.writeByte(9);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
            default -> {
                out.writeByte(1);
                writeText(out, String.valueOf(value));
            }
        }
    }

    static Object read(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> readText(in);
            case 2 -> in.readInt();
            case 3 -> in.readLong();
            case 4 -> in.readDouble();
            case 5 -> in.readBoolean();
            case 6 -> {
                int size = in.readInt();
                var list = new ArrayList<Object>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                yield Collections.unmodifiableList(list);
            }
            case 7 -> {
                int size = in.readInt();
                var map = new LinkedHashMap<String, Object>();
                for (int i = 0; i < size; i++) {
                    map.put(readText(in), read(in));
                }
                yield Collections.unmodifiableMap(map);
            }
            case 8 -> new BigInteger(readText(in));
            case 9 -> {
                var bytes = new byte[in.readInt()];
                in.readFully(bytes);
                yield bytes;
            }
            default -> throw new IOException("unknown value tag " + tag);
        };
    }
}
