package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.SitePath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The traces of a build, as kept between builds: which kiln wrote them, and one {@link PageTrace}
 * per computation. Its bytes start with a magic word and a format version and end with a checksum,
 * so a missing, truncated or corrupt store is recognised and set aside, never trusted.
 *
 * <p>A store read from bytes decodes a trace only when it is asked for: a build whose outermost
 * trace holds never pays for the thousands of page traces under it. Strings are kept once in a
 * table and hashes as raw bytes, which keeps a 10,000-page store to a few megabytes.
 *
 * @since 0.1
 */
public final class TraceStore {
    private static final byte[] MAGIC = {'K', 'I', 'L', 'N', 'T', 'R', 'C', 0};
    /** The version of the byte format; a store of another format is set aside. */
    static final int FORMAT = 3;

    private final String kilnVersion;
    private final Optional<String> notReusable;
    /** Decoded traces; for a store read from bytes, filled as keys are asked for. */
    private final Map<String, PageTrace> decoded;
    /** For a store read from bytes: where each trace's body starts and how long it is, by key. */
    private final Map<String, int[]> bodies;
    private final byte[] data;
    private final String[] strings;
    /** The store this one was made from, whose bytes an unchanged trace is copied from. */
    private final TraceStore base;
    /** The keys of traces this store takes from {@code base} as they are there, undecoded. */
    private final java.util.Set<String> fromBase;

    private TraceStore(String kilnVersion, Optional<String> notReusable, Map<String, PageTrace> decoded,
            Map<String, int[]> bodies, byte[] data, String[] strings, TraceStore base) {
        this(kilnVersion, notReusable, decoded, bodies, data, strings, base, java.util.Set.of());
    }

    private TraceStore(String kilnVersion, Optional<String> notReusable, Map<String, PageTrace> decoded,
            Map<String, int[]> bodies, byte[] data, String[] strings, TraceStore base, java.util.Set<String> fromBase) {
        this.kilnVersion = kilnVersion;
        this.notReusable = notReusable;
        this.decoded = decoded;
        this.bodies = bodies;
        this.data = data;
        this.strings = strings;
        this.base = base;
        this.fromBase = fromBase;
    }

    /** Answers a store holding no traces, with the reason every computation must run. */
    public static TraceStore empty(String kilnVersion, String reason) {
        return new TraceStore(kilnVersion, Optional.of(reason), Map.of(), Map.of(), null, null, null);
    }

    /** Answers a store of traces written by this kiln. */
    public static TraceStore of(String kilnVersion, Collection<PageTrace> traces) {
        return of(kilnVersion, traces, null);
    }

    /**
     * Answers a store of traces written by this kiln, most of them taken unchanged from
     * {@code base}: encoding copies their bytes from it instead of encoding them again.
     */
    public static TraceStore of(String kilnVersion, Collection<PageTrace> traces, TraceStore base) {
        var byKey = new LinkedHashMap<String, PageTrace>();
        traces.forEach(trace -> byKey.put(trace.key(), trace));
        return new TraceStore(kilnVersion, Optional.empty(), Collections.unmodifiableMap(byKey), Map.of(), null, null,
                base != null && base.data != null && base.kilnVersion.equals(kilnVersion) ? base : null);
    }

    /**
     * Answers the traces of {@code base} with {@code traces} in place of those of the same keys:
     * a build that ran a few computations and kept the rest. The traces it keeps are not decoded;
     * encoding copies their bytes.
     */
    public static TraceStore updated(String kilnVersion, TraceStore base, Collection<PageTrace> traces) {
        var byKey = new LinkedHashMap<String, PageTrace>();
        if (base.data == null) {
            // A store made in memory (kiln serve updates one after every edit) is taken apart, so that
            // every store stays one step from the one read from bytes, however many edits it saw.
            byKey.putAll(base.decoded);
        }
        traces.forEach(trace -> byKey.put(trace.key(), trace));
        var kept = new java.util.LinkedHashSet<String>(base.data == null ? base.fromBase : base.bodies.keySet());
        kept.removeAll(byKey.keySet());
        return new TraceStore(kilnVersion, Optional.empty(), Collections.unmodifiableMap(byKey), Map.of(), null, null,
                base.data == null ? base.base : base, Collections.unmodifiableSet(kept));
    }

    /** Answers the key of every trace, in the order they are kept. */
    private List<String> keys() {
        var keys = new ArrayList<String>(fromBase);
        keys.addAll(data == null ? decoded.keySet() : bodies.keySet());
        return keys;
    }

    /**
     * Reads a store from its bytes. A store that cannot be read comes back empty with the reason;
     * one written by another kiln version keeps its traces (so their outputs can be pruned) but is
     * not reusable.
     */
    public static TraceStore decode(Bytes bytes, String kilnVersion) {
        try {
            var data = bytes.toArray();
            if (data.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
                return empty(kilnVersion, "the build cache is not one of kiln's");
            }
            var in = new DataInputStream(new ByteArrayInputStream(data, MAGIC.length, data.length - MAGIC.length));
            int format = in.readInt();
            if (format != FORMAT) {
                return empty(kilnVersion, "the build cache has another format (" + format + ")");
            }
            var crc = new CRC32();
            crc.update(data, 0, data.length - 8);
            long expected = new DataInputStream(new ByteArrayInputStream(data, data.length - 8, 8)).readLong();
            if (crc.getValue() != expected) {
                return empty(kilnVersion, "the build cache is corrupt");
            }
            var writtenBy = in.readUTF();
            var strings = new String[in.readInt()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = in.readUTF();
            }
            int count = in.readInt();
            var bodies = new HashMap<String, int[]>(count * 2);
            int position = data.length - in.available();
            for (int i = 0; i < count; i++) {
                var key = strings[in.readInt()];
                int length = in.readInt();
                bodies.put(key, new int[] {position + 8, length});
                in.skipNBytes(length);
                position += 8 + length;
            }
            var reusable = writtenBy.equals(kilnVersion) ? Optional.<String>empty()
                    : Optional.of("kiln version changed (" + writtenBy + " to " + kilnVersion + ")");
            return new TraceStore(kilnVersion, reusable, new ConcurrentHashMap<>(), bodies, data, strings, null);
        } catch (IOException | RuntimeException e) {
            return empty(kilnVersion, "the build cache is corrupt");
        }
    }

    /** Answers the bytes of this store. */
    public Bytes encode() {
        var bytes = new ByteArrayOutputStream();
        try {
            writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return Bytes.wrap(bytes.toByteArray());
    }

    /**
     * Writes the bytes of this store to {@code out}: the header and the string table, then the
     * traces as they were laid out in memory, then the checksum of it all; tens of megabytes
     * without a copy of them all.
     */
    public void writeTo(OutputStream out) throws IOException {
        var keys = keys();
        // Traces taken from the base, or decoded from it and unchanged, are as its bytes say.
        var copyable = base == null || base.data == null ? 0
                : keys.stream().filter(key -> fromBase.contains(key) || base.holdsBytesOf(decoded.get(key))).count();
        // Reusing the base's bytes means keeping its string table, strings of gone traces too:
        // worth it only while most traces are the base's.
        var copyFrom = copyable * 2 > keys.size() ? base : null;
        var table = new StringTable(copyFrom == null ? new String[0] : copyFrom.strings);
        // Sized from the store it comes from: a 30 MB store grown from 32 bytes is copied 20 times.
        var traces = new Buffer(copyFrom == null ? 1 << 16 : copyFrom.data.length + (1 << 16));
        var traceOut = new DataOutputStream(traces);
        int count = 0;
        for (var key : keys) {
            var trace = decoded.get(key);
            var copied = copyFrom != null && (trace == null || copyFrom.holdsBytesOf(trace))
                    ? copyFrom.bodies.get(key) : null;
            if (copied == null && trace == null) {
                trace = trace(key).orElse(null);
                if (trace == null) {
                    continue;
                }
            }
            traceOut.writeInt(table.index(key));
            if (copied != null) {
                traceOut.writeInt(copied[1]);
                traceOut.write(copyFrom.data, copied[0], copied[1]);
            } else {
                // The length, written once the trace is.
                traceOut.writeInt(0);
                traceOut.flush();
                int start = traces.size();
                writeTrace(traceOut, trace, table);
                traceOut.flush();
                traces.putInt(start - 4, traces.size() - start);
            }
            count++;
        }
        traceOut.flush();
        var header = new ByteArrayOutputStream(1024 + table.strings.size() * 64);
        var headerOut = new DataOutputStream(header);
        headerOut.write(MAGIC);
        headerOut.writeInt(FORMAT);
        headerOut.writeUTF(kilnVersion);
        headerOut.writeInt(table.strings.size());
        for (var string : table.strings) {
            headerOut.writeUTF(string);
        }
        headerOut.writeInt(count);
        headerOut.flush();
        var crc = new CRC32();
        var headerBytes = header.toByteArray();
        crc.update(headerBytes);
        crc.update(traces.array(), 0, traces.size());
        out.write(headerBytes);
        out.write(traces.array(), 0, traces.size());
        new DataOutputStream(out).writeLong(crc.getValue());
        out.flush();
    }

    /**
     * Answers this store with none of its traces reusable (they still name the outputs that a
     * build may prune), for {@code --no-cache}.
     */
    public TraceStore withoutReuse(String reason) {
        return new TraceStore(kilnVersion, Optional.of(reason), decoded, bodies, data, strings, base, fromBase);
    }

    /** Answers whether this store was read from bytes and {@code trace} is the very one it decoded. */
    private boolean holdsBytesOf(PageTrace trace) {
        return data != null && trace != null && decoded.get(trace.key()) == trace;
    }

    /** Answers the trace of a computation, where this store has a reusable one. */
    public Optional<PageTrace> reusable(String key) {
        return notReusable.isPresent() ? Optional.empty() : trace(key);
    }

    private Optional<PageTrace> trace(String key) {
        var trace = decoded.get(key);
        if (trace == null && fromBase.contains(key)) {
            return base.trace(key);
        }
        if (trace != null || data == null) {
            return Optional.ofNullable(trace);
        }
        var body = bodies.get(key);
        if (body == null) {
            return Optional.empty();
        }
        try {
            var in = new DataInputStream(new ByteArrayInputStream(data, body[0], body[1]));
            trace = readTrace(key, in, strings);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        decoded.put(key, trace);
        return Optional.of(trace);
    }

    /** Answers why no trace of this store can be reused, where none can. */
    public Optional<String> notReusable() {
        return notReusable;
    }

    /** Answers every trace, reusable or not, by key (decoding them all). */
    public Map<String, PageTrace> traces() {
        var all = new TreeMap<String, PageTrace>();
        keys().forEach(key -> trace(key).ifPresent(trace -> all.put(key, trace)));
        return all;
    }

    /** Answers every output the traces record. */
    public List<OutputPath> outputs() {
        return traces().values().stream().flatMap(trace -> trace.outputs().stream())
                .map(PageTrace.WrittenOutput::path).distinct().sorted().toList();
    }

    /** A byte buffer whose bytes can be read without a copy of them all. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }

        /** Writes an int over four bytes already written, at {@code position}. */
        void putInt(int position, int value) {
            buf[position] = (byte) (value >>> 24);
            buf[position + 1] = (byte) (value >>> 16);
            buf[position + 2] = (byte) (value >>> 8);
            buf[position + 3] = (byte) value;
        }
    }

    /** Gives each distinct string an index, so that each is written once. */
    private static final class StringTable {
        final List<String> strings = new ArrayList<>();
        final Map<String, Integer> indexes;

        /** Starts with the strings of an earlier table, at the same indexes. */
        StringTable(String[] earlier) {
            indexes = new HashMap<>(earlier.length * 2 + 1024);
            for (var string : earlier) {
                indexes.putIfAbsent(string, strings.size());
                strings.add(string);
            }
        }

        int index(String string) {
            return indexes.computeIfAbsent(string, key -> {
                strings.add(key);
                return strings.size() - 1;
            });
        }
    }

    private static void writeTrace(DataOutputStream out, PageTrace trace, StringTable table) throws IOException {
        out.writeInt(trace.fingerprints().size());
        for (var entry : trace.fingerprints().entrySet()) {
            out.writeInt(table.index(entry.getKey()));
            writeHash(out, entry.getValue());
        }
        out.writeInt(trace.inputs().size());
        for (var input : trace.inputs()) {
            switch (input) {
                case TraceInput.FileContent file -> {
                    out.writeByte(1);
                    out.writeInt(table.index(file.path().value()));
                    writeStamp(out, file.stamp());
                    writeHash(out, file.sha256());
                }
                case TraceInput.Existence existence -> {
                    out.writeByte(2);
                    out.writeInt(table.index(existence.path().value()));
                    out.writeBoolean(existence.exists());
                }
                case TraceInput.Listing listing -> {
                    out.writeByte(3);
                    out.writeInt(table.index(listing.folder().value()));
                    writeHash(out, listing.sha256());
                }
                case TraceInput.Volatile volatileInput -> {
                    out.writeByte(4);
                    out.writeInt(table.index(volatileInput.what()));
                }
                case TraceInput.Deadline deadline -> {
                    out.writeByte(5);
                    out.writeLong(deadline.moment().getEpochSecond());
                    out.writeInt(deadline.moment().getNano());
                }
            }
        }
        out.writeInt(trace.outputs().size());
        for (var output : trace.outputs()) {
            out.writeInt(table.index(output.path().value()));
            writeStamp(out, output.stamp());
            writeHash(out, output.sha256());
        }
        var value = trace.value().toArray();
        out.writeInt(value.length);
        out.write(value);
    }

    private static PageTrace readTrace(String key, DataInputStream in, String[] strings) throws IOException {
        int fingerprintCount = in.readInt();
        var fingerprints = new TreeMap<String, String>();
        for (int i = 0; i < fingerprintCount; i++) {
            fingerprints.put(strings[in.readInt()], readHash(in));
        }
        int inputCount = in.readInt();
        var inputs = new ArrayList<TraceInput>(inputCount);
        for (int i = 0; i < inputCount; i++) {
            int tag = in.readByte();
            inputs.add(switch (tag) {
                case 1 -> new TraceInput.FileContent(SitePath.of(strings[in.readInt()]), readStamp(in), readHash(in));
                case 2 -> new TraceInput.Existence(SitePath.of(strings[in.readInt()]), in.readBoolean());
                case 3 -> new TraceInput.Listing(SitePath.of(strings[in.readInt()]), readHash(in));
                case 4 -> new TraceInput.Volatile(strings[in.readInt()]);
                case 5 -> new TraceInput.Deadline(java.time.Instant.ofEpochSecond(in.readLong(), in.readInt()));
                default -> throw new IOException("unknown input tag " + tag);
            });
        }
        int outputCount = in.readInt();
        var outputs = new ArrayList<PageTrace.WrittenOutput>(outputCount);
        for (int i = 0; i < outputCount; i++) {
            outputs.add(new PageTrace.WrittenOutput(OutputPath.of(strings[in.readInt()]), readStamp(in), readHash(in)));
        }
        var value = new byte[in.readInt()];
        in.readFully(value);
        return new PageTrace(key, fingerprints, inputs, outputs, Bytes.wrap(value));
    }

    /** Hashes are 64 hex digits in memory and 32 bytes on disk. */
    private static void writeHash(DataOutputStream out, String hash) throws IOException {
        out.write(HexFormat.of().parseHex(hash));
    }

    private static String readHash(DataInputStream in) throws IOException {
        var bytes = new byte[32];
        in.readFully(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void writeStamp(DataOutputStream out, FileStamp stamp) throws IOException {
        out.writeBoolean(stamp != null);
        if (stamp != null) {
            out.writeLong(stamp.size());
            out.writeLong(stamp.modified());
        }
    }

    private static FileStamp readStamp(DataInputStream in) throws IOException {
        return in.readBoolean() ? new FileStamp(in.readLong(), in.readLong()) : null;
    }
}
