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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The traces of a build, as kept between builds: which kiln wrote them, and one {@link PageTrace}
 * per computation. Its bytes start with a magic word and a format version and end with a checksum,
 * so a missing, truncated or corrupt store is recognised and set aside, never trusted.
 *
 * @since 0.1
 */
public final class TraceStore {
    private static final byte[] MAGIC = {'K', 'I', 'L', 'N', 'T', 'R', 'C', 0};
    /** The version of the byte format; a store of another format is set aside. */
    static final int FORMAT = 1;

    private final String kilnVersion;
    private final Map<String, PageTrace> traces;
    private final Optional<String> notReusable;

    private TraceStore(String kilnVersion, Map<String, PageTrace> traces, Optional<String> notReusable) {
        this.kilnVersion = kilnVersion;
        this.traces = java.util.Collections.unmodifiableMap(new TreeMap<>(traces));
        this.notReusable = notReusable;
    }

    /** Answers a store holding no traces, with the reason every computation must run. */
    public static TraceStore empty(String kilnVersion, String reason) {
        return new TraceStore(kilnVersion, Map.of(), Optional.of(reason));
    }

    /** Answers a store of traces written by this kiln. */
    public static TraceStore of(String kilnVersion, Collection<PageTrace> traces) {
        var byKey = new LinkedHashMap<String, PageTrace>();
        traces.forEach(trace -> byKey.put(trace.key(), trace));
        return new TraceStore(kilnVersion, byKey, Optional.empty());
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
            var crc = new CRC32();
            crc.update(data, 0, data.length - 8);
            var in = new DataInputStream(new ByteArrayInputStream(data, MAGIC.length, data.length - MAGIC.length));
            int format = in.readInt();
            if (format != FORMAT) {
                return empty(kilnVersion, "the build cache has another format (" + format + ")");
            }
            long expected = new DataInputStream(new ByteArrayInputStream(data, data.length - 8, 8)).readLong();
            if (crc.getValue() != expected) {
                return empty(kilnVersion, "the build cache is corrupt");
            }
            var writtenBy = in.readUTF();
            int count = in.readInt();
            var traces = new LinkedHashMap<String, PageTrace>();
            for (int i = 0; i < count; i++) {
                var trace = readTrace(in);
                traces.put(trace.key(), trace);
            }
            var reusable = writtenBy.equals(kilnVersion) ? Optional.<String>empty()
                    : Optional.of("kiln version changed (" + writtenBy + " to " + kilnVersion + ")");
            return new TraceStore(kilnVersion, traces, reusable);
        } catch (IOException | RuntimeException e) {
            return empty(kilnVersion, "the build cache is corrupt");
        }
    }

    /**
     * Answers this store with none of its traces reusable (they still name the outputs that a
     * build may prune), for {@code --no-cache}.
     */
    public TraceStore withoutReuse(String reason) {
        return new TraceStore(kilnVersion, traces, Optional.of(reason));
    }

    /** Answers the bytes of this store. */
    public Bytes encode() {
        try {
            var buffer = new ByteArrayOutputStream();
            var out = new DataOutputStream(buffer);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(kilnVersion);
            out.writeInt(traces.size());
            for (var trace : traces.values()) {
                writeTrace(out, trace);
            }
            out.flush();
            var crc = new CRC32();
            crc.update(buffer.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            return Bytes.wrap(buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
    }

    /** Answers the trace of a computation, where this store has a reusable one. */
    public Optional<PageTrace> reusable(String key) {
        return notReusable.isPresent() ? Optional.empty() : Optional.ofNullable(traces.get(key));
    }

    /** Answers why no trace of this store can be reused, where none can. */
    public Optional<String> notReusable() {
        return notReusable;
    }

    /** Answers every trace, reusable or not, by key. */
    public Map<String, PageTrace> traces() {
        return traces;
    }

    /** Answers every output the traces record. */
    public List<OutputPath> outputs() {
        return traces.values().stream().flatMap(trace -> trace.outputs().stream())
                .map(PageTrace.WrittenOutput::path).sorted().toList();
    }

    private static void writeTrace(DataOutputStream out, PageTrace trace) throws IOException {
        out.writeUTF(trace.key());
        out.writeInt(trace.fingerprints().size());
        for (var entry : trace.fingerprints().entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue());
        }
        out.writeInt(trace.inputs().size());
        for (var input : trace.inputs()) {
            switch (input) {
                case TraceInput.FileContent file -> {
                    out.writeByte(1);
                    out.writeUTF(file.path().value());
                    writeStamp(out, file.stamp());
                    out.writeUTF(file.sha256());
                }
                case TraceInput.Existence existence -> {
                    out.writeByte(2);
                    out.writeUTF(existence.path().value());
                    out.writeBoolean(existence.exists());
                }
                case TraceInput.Listing listing -> {
                    out.writeByte(3);
                    out.writeUTF(listing.folder().value());
                    out.writeUTF(listing.sha256());
                }
                case TraceInput.Volatile volatileInput -> {
                    out.writeByte(4);
                    out.writeUTF(volatileInput.what());
                }
            }
        }
        out.writeInt(trace.outputs().size());
        for (var output : trace.outputs()) {
            out.writeUTF(output.path().value());
            writeStamp(out, output.stamp());
            out.writeUTF(output.sha256());
        }
        var value = trace.value().toArray();
        out.writeInt(value.length);
        out.write(value);
    }

    private static PageTrace readTrace(DataInputStream in) throws IOException {
        var key = in.readUTF();
        int fingerprintCount = in.readInt();
        var fingerprints = new TreeMap<String, String>();
        for (int i = 0; i < fingerprintCount; i++) {
            fingerprints.put(in.readUTF(), in.readUTF());
        }
        int inputCount = in.readInt();
        var inputs = new ArrayList<TraceInput>(inputCount);
        for (int i = 0; i < inputCount; i++) {
            int tag = in.readByte();
            inputs.add(switch (tag) {
                case 1 -> new TraceInput.FileContent(SitePath.of(in.readUTF()), readStamp(in), in.readUTF());
                case 2 -> new TraceInput.Existence(SitePath.of(in.readUTF()), in.readBoolean());
                case 3 -> new TraceInput.Listing(SitePath.of(in.readUTF()), in.readUTF());
                case 4 -> new TraceInput.Volatile(in.readUTF());
                default -> throw new IOException("unknown input tag " + tag);
            });
        }
        int outputCount = in.readInt();
        var outputs = new ArrayList<PageTrace.WrittenOutput>(outputCount);
        for (int i = 0; i < outputCount; i++) {
            outputs.add(new PageTrace.WrittenOutput(OutputPath.of(in.readUTF()), readStamp(in), in.readUTF()));
        }
        var value = new byte[in.readInt()];
        in.readFully(value);
        return new PageTrace(key, fingerprints, inputs, outputs, Bytes.wrap(value));
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
