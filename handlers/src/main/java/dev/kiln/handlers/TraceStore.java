package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.Fnv1a;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.Sha256;
import dev.kiln.effects.SitePath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The traces of a build, as kept between builds: which kiln wrote them, and one {@link PageTrace}
 * per computation. Its bytes start with a magic word and a format version, and each of its two
 * sections carries a checksum, so a missing, truncated or corrupt store is recognised and set
 * aside, never trusted.
 *
 * <p>The first section, the head, holds the outermost traces (a whole build's) and an index of
 * the rest, which holds the others: a build whose outermost trace holds reads the head alone, a
 * few megabytes of tens; one that asks for a few traces of the rest (a one-page edit asks for a
 * few dozen) reads those alone, each with a checksum of its own, and one that asks for more reads
 * the rest whole. A store decodes a trace only when it is asked for. Strings are kept once per
 * section in a table and hashes as raw bytes, which keeps a 10,000-page store to a few tens of
 * megabytes.
 *
 * <p>A build that changed a few traces need not write those tens of megabytes again: its store
 * can be written as a delta ({@link #writeDeltaTo}), a small second file holding the new head and
 * the changed traces, which names the bytes it extends (their size and head checksum). Read
 * together with those bytes, the delta's traces replace theirs; a delta that names other bytes
 * (the store was written whole since) is ignored, and a damaged one sets the store aside.
 *
 * @since 0.1
 */
public final class TraceStore {
    private static final byte[] MAGIC = {'K', 'I', 'L', 'N', 'T', 'R', 'C', 0};
    private static final byte[] DELTA_MAGIC = {'K', 'I', 'L', 'N', 'D', 'L', 'T', 0};
    /**
     * How many changed traces a delta holds at most: beyond it the store is written whole, so that
     * the delta every build reads stays small.
     */
    static final int DELTA_LIMIT = 256;
    /** The version of the byte format; a store of another format is set aside. */
    static final int FORMAT = 5;
    /** The bytes before the head's own: the magic word, the format and the head's length. */
    private static final int PREFIX = MAGIC.length + 8;
    private static final String CORRUPT = "the build cache is corrupt";

    private final String kilnVersion;
    private final Optional<String> notReusable;
    /** Decoded traces; for a store read from bytes, filled as keys are asked for. */
    private final Map<String, PageTrace> decoded;
    /** For a store read from bytes: its head section; null for a store made in memory. */
    private final Section head;
    /** For a store read from bytes: the rest, read when first needed; null for a store made in memory. */
    private final Rest rest;
    /** For a store made in memory: the keys of the traces its head is to hold. */
    private final Set<String> headKeys;
    /** The store read from bytes this one was made from, whose bytes an unchanged trace is copied from. */
    private final TraceStore base;
    /** Whether this store holds every trace of {@code base} it does not replace, undecoded. */
    private final boolean keepsBase;
    /** For a store read from bytes: the traces a delta read with them holds in place of the rest's; else empty. */
    private final Section delta;
    /** For a store read from bytes: which bytes they were, as a delta written on top of them names them; else null. */
    private final BaseIdentity identity;
    /**
     * For a store read from bytes: where each entry of a trace decoded from its head lies in the
     * head's bytes (the inputs', then the outputs', each with the end of the last), so that a
     * trace made of most of the same entries can copy their bytes.
     */
    private final Map<PageTrace, int[][]> headEntries = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Which bytes of a whole store a delta extends: their size, and the checksum stored after their head. */
    private record BaseIdentity(long size, long headCrc) {
    }

    private TraceStore(String kilnVersion, Optional<String> notReusable, Map<String, PageTrace> decoded, Section head,
            Rest rest, Set<String> headKeys, TraceStore base, boolean keepsBase) {
        this(kilnVersion, notReusable, decoded, head, rest, headKeys, base, keepsBase, Section.EMPTY, null);
    }

    private TraceStore(String kilnVersion, Optional<String> notReusable, Map<String, PageTrace> decoded, Section head,
            Rest rest, Set<String> headKeys, TraceStore base, boolean keepsBase, Section delta, BaseIdentity identity) {
        this.kilnVersion = kilnVersion;
        this.notReusable = notReusable;
        this.decoded = decoded;
        this.head = head;
        this.rest = rest;
        this.headKeys = headKeys;
        this.base = base;
        this.keepsBase = keepsBase;
        this.delta = delta;
        this.identity = identity;
    }

    /** Where a store's bytes are read from: a file, or bytes in memory. */
    interface Source {
        /** Answers {@code length} bytes from {@code offset}, fewer only where the bytes end there. */
        byte[] read(long offset, int length) throws IOException;

        /** Answers how many bytes there are. */
        long size() throws IOException;
    }

    /** Answers a store holding no traces, with the reason every computation must run. */
    public static TraceStore empty(String kilnVersion, String reason) {
        return new TraceStore(kilnVersion, Optional.of(reason), Map.of(), null, null, Set.of(), null, false);
    }

    /** Answers a store of traces written by this kiln, all of them in its rest. */
    public static TraceStore of(String kilnVersion, Collection<PageTrace> traces) {
        return of(kilnVersion, traces, null, Set.of());
    }

    /**
     * Answers a store of traces written by this kiln, the traces of {@code outermost} in its head,
     * most of the others taken unchanged from {@code base}: encoding copies their bytes from it
     * instead of encoding them again.
     */
    public static TraceStore of(String kilnVersion, Collection<PageTrace> traces, TraceStore base, Set<String> outermost) {
        var byKey = new LinkedHashMap<String, PageTrace>();
        traces.forEach(trace -> byKey.put(trace.key(), trace));
        return new TraceStore(kilnVersion, Optional.empty(), Collections.unmodifiableMap(byKey), null, null,
                Set.copyOf(outermost), bytesBase(base, kilnVersion), false);
    }

    /**
     * Answers the traces of {@code base} with {@code traces} in place of those of the same keys:
     * a build that ran a few computations and kept the rest. The traces it keeps are not decoded;
     * encoding copies their bytes. The head holds {@code outermost} and what the base's held.
     */
    public static TraceStore updated(String kilnVersion, TraceStore base, Collection<PageTrace> traces,
            Set<String> outermost) {
        var byKey = new LinkedHashMap<String, PageTrace>();
        var heads = new HashSet<>(outermost);
        heads.addAll(base.headKeys());
        boolean keeps = true;
        var from = base;
        if (base.head == null) {
            // A store made in memory (kiln serve updates one after every edit) is taken apart, so that
            // every store stays one step from the one read from bytes, however many edits it saw.
            byKey.putAll(base.decoded);
            keeps = base.keepsBase;
            from = base.base;
        }
        traces.forEach(trace -> byKey.put(trace.key(), trace));
        return new TraceStore(kilnVersion, Optional.empty(), Collections.unmodifiableMap(byKey), null, null,
                Set.copyOf(heads), from, keeps && from != null);
    }

    private static TraceStore bytesBase(TraceStore store, String kilnVersion) {
        var from = store == null || store.head != null ? store : store.base;
        return from != null && from.kilnVersion.equals(kilnVersion) ? from : null;
    }

    /** Answers the keys of the traces the head holds (or is to hold). */
    private Set<String> headKeys() {
        return head != null ? head.bodies().keySet() : headKeys;
    }

    /** Answers the key of every trace, in the order they are kept. */
    private List<String> keys() {
        var keys = new ArrayList<String>();
        if (head != null) {
            keys.addAll(head.bodies().keySet());
            rest.section().bodies().keySet().stream()
                    .filter(key -> !delta.bodies().containsKey(key) && !head.bodies().containsKey(key))
                    .forEach(keys::add);
            keys.addAll(delta.bodies().keySet());
            return keys;
        }
        if (keepsBase) {
            base.keys().stream().filter(key -> !decoded.containsKey(key)).forEach(keys::add);
        }
        keys.addAll(decoded.keySet());
        return keys;
    }

    /**
     * Reads a store from its bytes. A store that cannot be read comes back empty with the reason;
     * one written by another kiln version keeps its traces (so their outputs can be pruned) but is
     * not reusable.
     */
    public static TraceStore decode(Bytes bytes, String kilnVersion) {
        return decode(bytes, null, kilnVersion);
    }

    /**
     * Reads a store from its bytes and the delta written on top of them ({@link #encodeDelta}), or
     * none where {@code delta} is null.
     */
    public static TraceStore decode(Bytes bytes, Bytes delta, String kilnVersion) {
        try {
            var store = read(inMemory(bytes), delta == null ? null : inMemory(delta), kilnVersion);
            if (store.rest == null) {
                return store;
            }
            // All of it is at hand: a damaged rest is found at once.
            store.rest.section();
            return store.rest.failure().map(reason -> empty(kilnVersion, reason)).orElse(store);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
    }

    private static Source inMemory(Bytes bytes) {
        var data = bytes.toArray();
        return new Source() {
            @Override
            public byte[] read(long offset, int length) {
                return Arrays.copyOfRange(data, (int) Math.min(offset, data.length),
                        (int) Math.min(offset + length, data.length));
            }

            @Override
            public long size() {
                return data.length;
            }
        };
    }

    /**
     * Reads a store's head from {@code source}, and its rest from there when first needed: a store
     * whose size is not the one its head gives counts as corrupt at once, a rest that then cannot
     * be read, or is not the one the head was written with, when it is read.
     * Only a failure to read the head's bytes is thrown; bytes that are no store give an empty one.
     */
    static TraceStore read(Source source, String kilnVersion) throws IOException {
        return read(source, null, kilnVersion);
    }

    /**
     * Reads a store as {@link #read(Source, String)} does, with the delta in {@code delta} (null
     * where there is none) in place of the head and of the rest's traces it holds: where the delta
     * names these bytes; one that names others is ignored, one that cannot be read sets the store
     * aside.
     */
    static TraceStore read(Source source, Source delta, String kilnVersion) throws IOException {
        var prefix = source.read(0, PREFIX);
        if (prefix.length < PREFIX || !Arrays.equals(Arrays.copyOf(prefix, MAGIC.length), MAGIC)) {
            return empty(kilnVersion, "the build cache is not one of kiln's");
        }
        int format = readInt(prefix, MAGIC.length);
        if (format != FORMAT) {
            return empty(kilnVersion, "the build cache has another format (" + format + ")");
        }
        int headLength = readInt(prefix, MAGIC.length + 4);
        if (headLength < 0 || headLength > Integer.MAX_VALUE - PREFIX - 8) {
            return empty(kilnVersion, CORRUPT);
        }
        if (delta != null) {
            var withDelta = readWithDelta(source, headLength, delta.read(0, (int) Math.min(delta.size(), Integer.MAX_VALUE)),
                    kilnVersion);
            if (withDelta.isPresent()) {
                return withDelta.get();
            }
        }
        var bytes = source.read(0, PREFIX + headLength + 8);
        if (bytes.length < PREFIX + headLength + 8) {
            return empty(kilnVersion, CORRUPT);
        }
        var crc = new CRC32();
        crc.update(bytes, 0, PREFIX + headLength);
        if (crc.getValue() != readLong(bytes, PREFIX + headLength)) {
            return empty(kilnVersion, CORRUPT);
        }
        try {
            var in = new DataInputStream(new ByteArrayInputStream(bytes, PREFIX, headLength));
            var writtenBy = in.readUTF();
            int restLength = in.readInt();
            long restCrc = in.readLong();
            // A store cut short, or grown, is found before any of it is trusted.
            if (restLength < 0 || source.size() != PREFIX + headLength + 8L + restLength) {
                return empty(kilnVersion, CORRUPT);
            }
            int indexFrom = PREFIX + headLength - in.available();
            var index = RestIndex.parse(bytes, indexFrom, PREFIX + headLength);
            var headSection = Section.parse(bytes, indexFrom + index.encodedLength(), PREFIX + headLength);
            var rest = new Rest(source, PREFIX + headLength + 8L, restLength, restCrc, index);
            var reusable = writtenBy.equals(kilnVersion) ? Optional.<String>empty()
                    : Optional.of("kiln version changed (" + writtenBy + " to " + kilnVersion + ")");
            return new TraceStore(kilnVersion, reusable, new ConcurrentHashMap<>(), headSection, rest, Set.of(), null,
                    false, Section.EMPTY, new BaseIdentity(source.size(), readLong(bytes, PREFIX + headLength)));
        } catch (IOException | RuntimeException e) {
            return empty(kilnVersion, CORRUPT);
        }
    }

    /**
     * Reads a store from the whole store in {@code source}, whose head is {@code headLength} bytes
     * long, and the delta {@code delta}: its head, its traces, and the whole store's rest. Answers
     * nothing where the delta names other bytes than these or was written by another kiln (the
     * whole store is then read alone), an empty store where the delta is damaged. Only the start
     * of the whole store's head is read: the delta's replaces it.
     */
    private static Optional<TraceStore> readWithDelta(Source source, int headLength, byte[] delta, String kilnVersion)
            throws IOException {
        int prefix = DELTA_MAGIC.length + 8;
        if (delta.length < prefix || !Arrays.equals(Arrays.copyOf(delta, DELTA_MAGIC.length), DELTA_MAGIC)
                || readInt(delta, DELTA_MAGIC.length) != FORMAT) {
            return Optional.of(empty(kilnVersion, CORRUPT));
        }
        int length = readInt(delta, DELTA_MAGIC.length + 4);
        if (length < 0 || delta.length != prefix + length + 8L) {
            return Optional.of(empty(kilnVersion, CORRUPT));
        }
        var crc = new CRC32();
        crc.update(delta, 0, prefix + length);
        if (crc.getValue() != readLong(delta, prefix + length)) {
            return Optional.of(empty(kilnVersion, CORRUPT));
        }
        try {
            var in = new DataInputStream(new ByteArrayInputStream(delta, prefix, length));
            var extended = new BaseIdentity(in.readLong(), in.readLong());
            var writtenBy = in.readUTF();
            int headSectionLength = in.readInt();
            int headFrom = prefix + length - in.available();
            long size = source.size();
            if (!writtenBy.equals(kilnVersion) || extended.size() != size) {
                return Optional.empty();
            }
            // The start of the whole store's head: who wrote it and where its rest lies; then its checksum.
            var start = source.read(PREFIX, Math.min(headLength, 2048));
            var startIn = new DataInputStream(new ByteArrayInputStream(start));
            var baseWrittenBy = startIn.readUTF();
            int restLength = startIn.readInt();
            long restCrc = startIn.readLong();
            // Then the index of its rest, which carries a checksum of its own.
            int indexAt = start.length - startIn.available();
            var indexBytes = source.read(PREFIX + (long) indexAt, RestIndex.lengthOf(start, indexAt, headLength - indexAt));
            var index = RestIndex.parse(indexBytes, 0, indexBytes.length);
            var storedCrc = source.read(PREFIX + (long) headLength, 8);
            if (storedCrc.length < 8 || readLong(storedCrc, 0) != extended.headCrc() || !baseWrittenBy.equals(writtenBy)
                    || restLength < 0 || size != PREFIX + headLength + 8L + restLength) {
                return Optional.empty();
            }
            var headSection = Section.parse(delta, headFrom, headFrom + headSectionLength);
            var deltaSection = Section.parse(delta, headFrom + headSectionLength, prefix + length);
            var rest = new Rest(source, PREFIX + headLength + 8L, restLength, restCrc, index);
            return Optional.of(new TraceStore(kilnVersion, Optional.empty(), new ConcurrentHashMap<>(), headSection, rest,
                    Set.of(), null, false, deltaSection, extended));
        } catch (IOException | RuntimeException e) {
            return Optional.of(empty(kilnVersion, CORRUPT));
        }
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
    }

    private static long readLong(byte[] bytes, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | bytes[at + i] & 0xff;
        }
        return value;
    }

    /** Answers the bytes of this store. */
    public Bytes encode() {
        return bytesOf(this::writeTo);
    }

    /** Writes a store's bytes to a stream: {@link #writeTo} or {@link #writeDeltaTo}. */
    private interface Writing {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Bytes bytesOf(Writing writing) {
        var bytes = new ByteArrayOutputStream();
        try {
            writing.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return Bytes.wrap(bytes.toByteArray());
    }

    /**
     * Writes the bytes of this store to {@code out}: the prefix, the head (who wrote it, the rest's
     * length and checksum, then the outermost traces with a string table of their own) and its
     * checksum, then the rest; tens of megabytes without a copy of them all.
     */
    public void writeTo(OutputStream out) throws IOException {
        var keys = keys();
        var heads = headKeys();
        var restKeys = keys.stream().filter(key -> !heads.contains(key)).toList();
        // The head's traces are encoded on another core while the rest is.
        var outermostKeys = keys.stream().filter(heads::contains).toList();
        var headSection = new FutureTask<>(() -> section(outermostKeys, null));
        Thread.ofPlatform().daemon().name("kiln-cache-head").start(headSection);
        var rest = section(restKeys, copySource());
        var restCrc = new CRC32();
        rest.update(restCrc);
        var headBytes = new Buffer(1 << 16);
        var headOut = new DataOutputStream(headBytes);
        headOut.write(MAGIC);
        headOut.writeInt(FORMAT);
        // The head's length, written once the head is.
        headOut.writeInt(0);
        headOut.writeUTF(kilnVersion);
        headOut.writeInt(rest.size());
        headOut.writeLong(restCrc.getValue());
        headOut.flush();
        RestIndex.write(rest, headBytes);
        encoded(headSection).writeTo(headBytes);
        headBytes.putInt(MAGIC.length + 4, headBytes.size() - PREFIX);
        var headCrc = new CRC32();
        headCrc.update(headBytes.array(), 0, headBytes.size());
        headOut.writeLong(headCrc.getValue());
        headOut.flush();
        out.write(headBytes.array(), 0, headBytes.size());
        rest.writeTo(out);
        out.flush();
    }

    /**
     * Answers whether this store can be written as a delta on top of the bytes it was made from
     * ({@link #writeDeltaTo}): a store that keeps the traces of a store read from bytes by this
     * kiln, and replaced or added at most {@link #DELTA_LIMIT} of those outside the head.
     */
    public boolean writableAsDelta() {
        return deltaKeys().isPresent();
    }

    /** Answers the keys of the traces a delta of this store holds, or nothing where it cannot be written as one. */
    private Optional<List<String>> deltaKeys() {
        if (head != null || !keepsBase || base == null || base.identity == null || !base.kilnVersion.equals(kilnVersion)
                || base.notReusable().isPresent()) {
            return Optional.empty();
        }
        var heads = headKeys();
        // Sorted, so that the same traces make the same bytes.
        var keys = new TreeSet<String>();
        decoded.forEach((key, trace) -> {
            // A trace the base decoded from its rest is still there; one from its delta must be written again.
            boolean inBaseRest = base.holdsBytesOf(trace) && !base.delta.bodies().containsKey(key);
            if (!heads.contains(key) && !inBaseRest) {
                keys.add(key);
            }
        });
        base.delta.bodies().keySet().stream().filter(key -> !heads.contains(key)).forEach(keys::add);
        return keys.size() <= DELTA_LIMIT ? Optional.of(List.copyOf(keys)) : Optional.empty();
    }

    /**
     * Writes this store as a delta of the bytes it was made from (where {@link #writableAsDelta}):
     * the magic word, the format and the length, then which bytes it extends, who wrote it, its
     * head and the traces that replace or add to theirs, then its checksum. Read with those bytes,
     * it gives this store; the bytes themselves are not written again.
     */
    public void writeDeltaTo(OutputStream out) throws IOException {
        var keys = deltaKeys().orElseThrow(() -> new IllegalStateException("this store cannot be written as a delta"));
        // The head's traces (the whole build's, which an edit changes in a handful of entries) keep
        // the base head's strings, so that the entries they share with the traces read from it are
        // copied as they lie there.
        var headSection = section(List.copyOf(new TreeSet<>(headKeys())), null, base);
        var deltaSection = section(keys, null);
        var payload = new Buffer(headSection.size() + deltaSection.size() + 1024);
        var payloadOut = new DataOutputStream(payload);
        payloadOut.writeLong(base.identity.size());
        payloadOut.writeLong(base.identity.headCrc());
        payloadOut.writeUTF(kilnVersion);
        payloadOut.writeInt(headSection.size());
        payloadOut.flush();
        headSection.writeTo(payload);
        deltaSection.writeTo(payload);
        var prefix = new Buffer(DELTA_MAGIC.length + 8);
        var prefixOut = new DataOutputStream(prefix);
        prefixOut.write(DELTA_MAGIC);
        prefixOut.writeInt(FORMAT);
        prefixOut.writeInt(payload.size());
        prefixOut.flush();
        var crc = new CRC32();
        crc.update(prefix.array(), 0, prefix.size());
        crc.update(payload.array(), 0, payload.size());
        var all = new DataOutputStream(out);
        all.write(prefix.array(), 0, prefix.size());
        all.write(payload.array(), 0, payload.size());
        all.writeLong(crc.getValue());
        all.flush();
    }

    /** Answers the bytes of this store as a delta (where {@link #writableAsDelta}). */
    public Bytes encodeDelta() {
        return bytesOf(this::writeDeltaTo);
    }

    private static EncodedSection encoded(FutureTask<EncodedSection> section) throws IOException {
        try {
            return section.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while encoding the build cache", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /**
     * Answers the store whose rest unchanged traces can be copied from: this one where it was read
     * from bytes, else its base, where that rest can be read.
     */
    private TraceStore copySource() {
        var source = head != null ? this : base;
        if (source == null || source != this && !keepsBase && !source.rest.isRead()) {
            // Only traces decoded from a rest could be copied from it: none were.
            return null;
        }
        return source.rest.section() != Section.EMPTY ? source : null;
    }

    /**
     * Encodes the traces of {@code keys} as a section: the string table, the count, then each
     * trace's key, length and body; a trace decoded from {@code source}'s rest, or taken from it
     * undecoded, is copied from its bytes where most are.
     */
    private EncodedSection section(List<String> keys, TraceStore source) throws IOException {
        return section(keys, source, null);
    }

    /**
     * Encodes a section as {@link #section(List, TraceStore)} does; where {@code entriesFrom} (a
     * store read from bytes) is given and no trace is copied whole, the section's strings start
     * with those of its head, and each trace that shares entries with the one of the same key
     * decoded from that head copies their bytes.
     */
    private EncodedSection section(List<String> keys, TraceStore source, TraceStore entriesFrom) throws IOException {
        var copyFrom = source == null ? null : source.rest.section();
        // Where each trace's body lies in the source's rest, for those whose bytes can be copied.
        var copyable = new int[keys.size()][];
        int copyableCount = 0;
        for (int i = 0; copyFrom != null && i < keys.size(); i++) {
            copyable[i] = copiesFrom(source, keys.get(i)) ? copyFrom.bodies().get(keys.get(i)) : null;
            copyableCount += copyable[i] != null ? 1 : 0;
        }
        // Reusing the source's bytes means keeping its string table, strings of gone traces too:
        // worth it only while most traces are the source's.
        var from = copyableCount * 2 > keys.size() ? copyFrom : null;
        var entriesHead = from == null && entriesFrom != null ? entriesFrom.head : null;
        var table = new StringTable(from != null ? from : entriesHead);
        // Sized from the section it comes from, or from the traces it will hold: a 30 MB section
        // grown from 64 KB is copied 9 times.
        var traces = new Buffer(from == null ? encodedSizeOf(keys) : from.data().length + (1 << 16));
        int count = 0;
        // Copied traces are copied whole (key, length, body) in runs of neighbours: the table starts
        // with the source's, so the key's index in them is still its own.
        int runStart = 0;
        int runEnd = 0;
        for (int i = 0; i < keys.size(); i++) {
            var key = keys.get(i);
            var copied = from != null ? copyable[i] : null;
            if (copied != null) {
                if (copied[0] - 8 != runEnd) {
                    traces.write(from.data(), runStart, runEnd - runStart);
                    runStart = copied[0] - 8;
                }
                runEnd = copied[0] + copied[1];
                count++;
                continue;
            }
            var trace = trace(key).orElse(null);
            if (trace == null) {
                continue;
            }
            if (from != null) {
                traces.write(from.data(), runStart, runEnd - runStart);
                runStart = 0;
                runEnd = 0;
            }
            traces.appendInt(table.index(key));
            // The length, written once the trace is.
            traces.appendInt(0);
            int start = traces.size();
            writeTrace(traces, trace, table, entriesHead == null ? null : entriesFrom.earlierEntries(key));
            traces.putInt(start - 4, traces.size() - start);
            count++;
        }
        if (from != null) {
            traces.write(from.data(), runStart, runEnd - runStart);
        }
        var header = new Buffer((from == null ? 0 : from.stringsTo() - from.stringsFrom()) + table.added.size() * 64 + 1024);
        var headerOut = new DataOutputStream(header);
        table.writeTo(headerOut);
        headerOut.writeInt(count);
        headerOut.flush();
        return new EncodedSection(header, traces, table);
    }

    /**
     * Answers about how many bytes the traces of {@code keys} take encoded, a little over rather
     * than under (entries copied from an earlier trace take no more than written afresh).
     */
    private int encodedSizeOf(List<String> keys) {
        long size = 1 << 16;
        for (var key : keys) {
            var trace = trace(key).orElse(null);
            if (trace != null) {
                size += 24 + 36L * trace.fingerprints().size() + 54L * trace.inputs().size()
                        + 53L * trace.outputs().size() + trace.value().size();
            }
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    /** A section as encoded: its string table and count, then its traces, kept apart so that neither is copied. */
    private record EncodedSection(Buffer header, Buffer traces, StringTable table) {
        int size() {
            return header.size() + traces.size();
        }

        void update(CRC32 crc) {
            crc.update(header.array(), 0, header.size());
            crc.update(traces.array(), 0, traces.size());
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(header.array(), 0, header.size());
            out.write(traces.array(), 0, traces.size());
        }
    }

    /**
     * Whether the trace of {@code key} in this store is the one whose bytes {@code source}'s rest
     * holds: taken from it undecoded, or the very object it decoded, and neither its head nor its
     * delta holds a later one.
     */
    private boolean copiesFrom(TraceStore source, String key) {
        if (source.head != null && (source.head.bodies().containsKey(key) || source.delta.bodies().containsKey(key))) {
            return false;
        }
        var trace = decoded.get(key);
        return trace == null ? source == this || keepsBase && source == base : source.holdsBytesOf(trace);
    }

    /**
     * Answers this store with none of its traces reusable (they still name the outputs that a
     * build may prune), for {@code --no-cache}.
     */
    public TraceStore withoutReuse(String reason) {
        return new TraceStore(kilnVersion, Optional.of(reason), decoded, head, rest, headKeys, base, keepsBase, delta,
                identity);
    }

    /** Answers where the entries of the trace of {@code key} this store decoded from its head lie, or null. */
    private EarlierEntries earlierEntries(String key) {
        var trace = decoded.get(key);
        var starts = trace == null ? null : headEntries.get(trace);
        return starts == null ? null : new EarlierEntries(trace, starts[0], starts[1], head.data());
    }

    /**
     * A trace decoded from a head, with where each of its inputs and outputs lies in the head's
     * bytes (each array ending with the end of the last entry).
     */
    private record EarlierEntries(PageTrace trace, int[] inputStarts, int[] outputStarts, byte[] data) {
    }

    /** Answers whether this store was read from bytes and {@code trace} is the very one it decoded. */
    private boolean holdsBytesOf(PageTrace trace) {
        return head != null && trace != null && decoded.get(trace.key()) == trace;
    }

    /**
     * Starts reading the rest on a thread of its own, where it is still to be read: a build whose
     * outermost trace does not hold will soon ask for the traces under it.
     */
    public void readRestAhead() {
        if (rest != null) {
            rest.readAhead();
        }
    }

    /** Answers the trace of a computation, where this store has a reusable one. */
    public Optional<PageTrace> reusable(String key) {
        return notReusable.isPresent() ? Optional.empty() : trace(key);
    }

    /**
     * Answers the last trace of a computation, reusable or not, where this store holds it decoded
     * (a store made in this process, or a trace a check has read): the stamps and hashes of its
     * outputs vouch for the files it left, even under {@code --no-cache}. It decodes nothing: a
     * cold {@code --no-cache} build that decoded every trace to spare reading its outputs took
     * longer than one that read them.
     */
    public Optional<PageTrace> lastInMemory(String key) {
        var trace = decoded.get(key);
        if (trace != null) {
            return Optional.of(trace);
        }
        return head == null && keepsBase ? base.lastInMemory(key) : Optional.empty();
    }

    private Optional<PageTrace> trace(String key) {
        return trace(key, true);
    }

    /**
     * Answers the trace of {@code key}, decoding it where it is not yet; {@code keep} says whether
     * to keep what it decodes, for the checks and the save that ask for the trace again.
     */
    private Optional<PageTrace> trace(String key, boolean keep) {
        var trace = decoded.get(key);
        if (trace != null) {
            return Optional.of(trace);
        }
        if (head == null) {
            return keepsBase ? base.trace(key, keep) : Optional.empty();
        }
        var section = head.bodies().containsKey(key) ? head
                : delta.bodies().containsKey(key) ? delta : rest.sectionIfWhole();
        if (section == null) {
            // A few traces of the rest are read alone, by its index; more, and the rest is read whole.
            var alone = rest.traceAlone(key);
            if (alone != null) {
                if (keep) {
                    alone.ifPresent(found -> decoded.put(key, found));
                }
                return alone;
            }
            section = rest.section();
        }
        var body = section.bodies().get(key);
        if (body == null) {
            return Optional.empty();
        }
        try {
            trace = readTrace(key, new Cursor(section.data(), body[0], body[1]), section.source(),
                    keep && section == head ? headEntries : null);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (keep) {
            decoded.put(key, trace);
        }
        return Optional.of(trace);
    }

    /**
     * Answers why no trace of this store can be reused, where none can: a store set aside whole,
     * or one whose rest, once read, was not the one its head was written with.
     */
    public Optional<String> notReusable() {
        return notReusable.isPresent() || rest == null ? notReusable : rest.failure();
    }

    /** Answers every trace, reusable or not, by key (decoding them all). */
    public Map<String, PageTrace> traces() {
        var all = new TreeMap<String, PageTrace>();
        keys().forEach(key -> trace(key).ifPresent(trace -> all.put(key, trace)));
        return all;
    }

    /** Answers every output the traces record. */
    public List<OutputPath> outputs() {
        // Not through traces(): a prune after a whole build asks for 14,000 outputs, and sorting
        // the 24,000 keys first took most of its time.
        var outputs = new HashSet<OutputPath>();
        for (var key : keys()) {
            // Not kept: the traces a prune decodes would stay in memory as long as the store,
            // twice the traces in the second build of a process (and kiln serve), for nothing.
            trace(key, false).ifPresent(trace -> trace.outputs().forEach(output -> outputs.add(output.path())));
        }
        var sorted = new ArrayList<>(outputs);
        sorted.sort(null);
        return List.copyOf(sorted);
    }

    /** A section of a store's bytes: its string table, and where each trace's body lies in {@code data}. */
    private record Section(byte[] data, String[] strings, int stringsFrom, int stringsTo, Map<String, int[]> bodies,
            StringIndexes stringIndexes) {
        static final Section EMPTY = new Section(new byte[0], new String[0], 0, 0, Map.of(), new StringIndexes(new String[0]));

        /** Answers the table's strings by index, for decoding a trace of this section. */
        StringSource source() {
            return index -> strings[index];
        }

        /** Answers each string's index in the table, made on first use. */
        Map<String, Integer> indexes() {
            return stringIndexes.get();
        }

        /** Reads the section that fills {@code data} from {@code from} to {@code to}. */
        static Section parse(byte[] data, int from, int to) throws IOException {
            var in = new Cursor(data, from, to - from);
            var strings = new String[in.atMost(in.readInt())];
            int stringsFrom = in.position();
            for (int i = 0; i < strings.length; i++) {
                strings[i] = in.readUtf();
            }
            int stringsTo = in.position();
            int count = in.readInt();
            // In the order they lie, so that a store copying most of them copies runs of neighbours.
            var bodies = new LinkedHashMap<String, int[]>(in.atMost(count) * 2);
            for (int i = 0; i < count; i++) {
                var key = strings[in.readInt()];
                int length = in.readInt();
                bodies.put(key, new int[] {in.position(), length});
                in.skip(length);
            }
            in.expectEnd();
            return new Section(data, strings, stringsFrom, stringsTo, bodies, new StringIndexes(strings));
        }
    }

    /** The index of each string of a table, made on first use (saving a store after an edit needs it; a no-op does not). */
    private static final class StringIndexes {
        private final String[] strings;
        private volatile Map<String, Integer> indexes;

        StringIndexes(String[] strings) {
            this.strings = strings;
        }

        Map<String, Integer> get() {
            var made = indexes;
            if (made == null) {
                var map = new HashMap<String, Integer>(strings.length * 2 + 16);
                for (int i = 0; i < strings.length; i++) {
                    map.putIfAbsent(strings[i], i);
                }
                made = map;
                indexes = made;
            }
            return made;
        }
    }

    /**
     * The rest of a store read from bytes, read and checked on first use; one that cannot be read,
     * or is not the one its head was written with (another build replaced the file), is empty and
     * says why.
     */
    private static final class Rest {
        /** How many traces are read alone, by the index, before the rest is read whole. */
        private static final int READ_ALONE = 64;

        private final Source source;
        private final long offset;
        private final int length;
        private final long crc;
        private final RestIndex index;
        private volatile Section section;
        private volatile Optional<String> failure = Optional.empty();
        private final AtomicInteger readAlone = new AtomicInteger();
        private final AtomicBoolean readingAhead = new AtomicBoolean();
        /** The rest's strings, read and checked on first use (a failure is not kept: the next use tries again). */
        private final Lazy<LazyStrings> strings = new Lazy<>(this::readStrings);

        /**
         * Reads the rest's {@code length} bytes from {@code offset}, whose checksum is {@code crc},
         * through {@code source}; {@code index} tells where each trace lies in them.
         */
        Rest(Source source, long offset, int length, long crc, RestIndex index) {
            this.source = source;
            this.offset = offset;
            this.length = length;
            this.crc = crc;
            this.index = index;
        }

        /** Answers the section where the rest was read whole (or could not be), else null. */
        Section sectionIfWhole() {
            return section;
        }

        /**
         * Answers the trace of {@code key} read alone: its body, checked against the checksum the
         * index gives, decoded with the strings it names. Answers null where the rest is to be
         * read whole instead: after {@link #READ_ALONE} traces (a build that asks for many). A
         * trace or strings not as the index says set the rest aside, as a damaged rest read
         * whole is; a file that cannot be read, with the reason.
         */
        Optional<PageTrace> traceAlone(String key) {
            if (failure.isPresent()) {
                return Optional.empty();
            }
            if (readAlone.incrementAndGet() > READ_ALONE) {
                return null;
            }
            try {
                for (var at : index.bodiesOf(key)) {
                    var bytes = read(offset + at.offset() - 8, at.length() + 8);
                    var check = new CRC32();
                    check.update(bytes, 8, Math.max(0, bytes.length - 8));
                    if (bytes.length != at.length() + 8 || (int) check.getValue() != at.crc()) {
                        failure = Optional.of(CORRUPT);
                        return Optional.empty();
                    }
                    var strings = this.strings.get();
                    if (strings.at(readInt(bytes, 0)).equals(key)) {
                        return Optional.of(readTrace(key, new Cursor(bytes, 8, at.length()), strings, null));
                    }
                }
                return Optional.empty();
            } catch (UncheckedIOException e) {
                failure = Optional.of("the build cache cannot be read (" + e.getCause().getMessage() + ")");
            } catch (IOException | RuntimeException e) {
                failure = Optional.of(CORRUPT);
            }
            return Optional.empty();
        }

        /** Reads bytes of the store; a failure to read them is unchecked, told apart from bytes that are damaged. */
        private byte[] read(long from, int count) {
            try {
                return source.read(from, count);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Reads the rest's strings and checks them against the index: a failure to read them is an
         * {@link UncheckedIOException}, strings not as the index says an {@link IllegalStateException}.
         */
        private LazyStrings readStrings() {
            var bytes = read(offset, index.stringsLength());
            var check = new CRC32();
            check.update(bytes);
            if (bytes.length != index.stringsLength() || check.getValue() != index.stringsCrc()) {
                throw new IllegalStateException("the rest's strings are not as its index says");
            }
            try {
                return LazyStrings.of(bytes);
            } catch (IOException e) {
                throw new IllegalStateException("the rest's strings are damaged", e);
            }
        }

        Section section() {
            var read = section;
            if (read == null) {
                synchronized (this) {
                    if (section == null) {
                        section = load();
                    }
                    read = section;
                }
            }
            return read;
        }

        /** Starts reading the rest's strings on a thread of its own, once. */
        void readAhead() {
            if (section == null && failure.isEmpty() && readingAhead.compareAndSet(false, true)) {
                // The few traces an edit asks for are read alone: only the strings they name are
                // read ahead, a fifteenth of the rest. A build asking for more reads it whole then.
                Thread.ofPlatform().daemon().name("kiln-cache").start(() -> {
                    try {
                        strings.get();
                    } catch (RuntimeException e) {
                        // The trace asked for next finds the same and says why.
                    }
                });
            }
        }

        /** Answers whether the rest was read (or tried). */
        boolean isRead() {
            return section != null;
        }

        /** Answers why the rest could not be used, once it (or a trace of it) was read. */
        Optional<String> failure() {
            return failure;
        }

        private Section load() {
            try {
                var bytes = source.read(offset, length);
                var check = new CRC32();
                check.update(bytes);
                if (bytes.length != length || check.getValue() != crc) {
                    failure = Optional.of(CORRUPT);
                    return Section.EMPTY;
                }
                return Section.parse(bytes, 0, bytes.length);
            } catch (IOException e) {
                failure = Optional.of("the build cache cannot be read (" + e.getMessage() + ")");
            } catch (RuntimeException e) {
                failure = Optional.of(CORRUPT);
            }
            return Section.EMPTY;
        }
    }

    /** A byte buffer whose bytes can be read without a copy of them all. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        byte[] array() {
            return buf;
        }

        /**
         * Appends an int, big-endian as {@link DataOutputStream} writes it. A trace's fields are
         * written straight into the array: a build saving its cache encodes tens of thousands of
         * them, most before the JIT compiled anything, and a data stream's locks and byte-array
         * views cost many times more when interpreted.
         */
        void appendInt(int value) {
            room(4);
            putInt(count, value);
            count += 4;
        }

        /** Appends a long, big-endian. */
        void appendLong(long value) {
            room(8);
            for (int i = 0; i < 8; i++) {
                buf[count + i] = (byte) (value >>> (56 - 8 * i));
            }
            count += 8;
        }

        /** Appends a byte. */
        void appendByte(int value) {
            room(1);
            buf[count++] = (byte) value;
        }

        /** Appends bytes. */
        void appendBytes(byte[] bytes) {
            appendBytes(bytes, 0, bytes.length);
        }

        /** Appends {@code length} bytes of {@code bytes} from {@code from}. */
        void appendBytes(byte[] bytes, int from, int length) {
            room(length);
            System.arraycopy(bytes, from, buf, count, length);
            count += length;
        }

        private void room(int more) {
            if (buf.length - count < more) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }

        /** Writes an int over four bytes already written, at {@code position}. */
        void putInt(int position, int value) {
            buf[position] = (byte) (value >>> 24);
            buf[position + 1] = (byte) (value >>> 16);
            buf[position + 2] = (byte) (value >>> 8);
            buf[position + 3] = (byte) value;
        }
    }

    /**
     * Gives each distinct string an index, so that each is written once: after the strings of the
     * section it starts from, if any, at their indexes there, the strings it adds.
     */
    private static final class StringTable {
        private final Section earlier;
        private final Map<String, Integer> earlierIndexes;
        final List<String> added = new ArrayList<>();
        private final Map<String, Integer> addedIndexes = new HashMap<>();

        /** Starts with the strings of {@code earlier}, or with none where it is null. */
        StringTable(Section earlier) {
            this.earlier = earlier;
            this.earlierIndexes = earlier == null ? Map.of() : earlier.indexes();
        }

        int index(String string) {
            var index = earlierIndexes.get(string);
            if (index == null) {
                // Not through computeIfAbsent: its lambda was made afresh for each of a save's million calls.
                index = addedIndexes.get(string);
                if (index == null) {
                    added.add(string);
                    index = (earlier == null ? 0 : earlier.strings().length) + added.size() - 1;
                    addedIndexes.put(string, index);
                }
            }
            return index;
        }

        /** Answers the string of an index this table gave. */
        String string(int index) {
            int earlierCount = earlier == null ? 0 : earlier.strings().length;
            return index < earlierCount ? earlier.strings()[index] : added.get(index - earlierCount);
        }

        /** Writes the table: its size, then the earlier section's strings as they were written there, then the added ones. */
        void writeTo(DataOutputStream out) throws IOException {
            out.writeInt((earlier == null ? 0 : earlier.strings().length) + added.size());
            if (earlier != null) {
                out.write(earlier.data(), earlier.stringsFrom(), earlier.stringsTo() - earlier.stringsFrom());
            }
            for (var string : added) {
                out.writeUTF(string);
            }
        }
    }

    /**
     * Encodes a trace's body; where {@code earlier} is given (a trace decoded from the section whose
     * strings {@code table} starts with), runs of entries equal to the earlier trace's at the same
     * places are copied as they lie in its bytes: a trace that kept its earlier one (an edit of a
     * page's words keeps the whole build's) differs from it in a handful of entries.
     */
    private static void writeTrace(Buffer out, PageTrace trace, StringTable table, EarlierEntries earlier) {
        out.appendInt(trace.fingerprints().size());
        for (var entry : trace.fingerprints().entrySet()) {
            out.appendInt(table.index(entry.getKey()));
            writeHash(out, entry.getValue());
        }
        out.appendInt(trace.inputs().size());
        writeEntries(out, trace.inputs(), earlier == null ? List.of() : earlier.trace().inputs(),
                earlier == null ? null : earlier.inputStarts(), earlier, input -> writeInput(out, input, table));
        out.appendInt(trace.outputs().size());
        writeEntries(out, trace.outputs(), earlier == null ? List.of() : earlier.trace().outputs(),
                earlier == null ? null : earlier.outputStarts(), earlier, output -> {
                    out.appendInt(table.index(output.path().value()));
                    writeStamp(out, output.stamp());
                    writeHash(out, output.sha256());
                });
        var value = trace.value().toArray();
        out.appendInt(value.length);
        out.appendBytes(value);
    }

    /**
     * Writes {@code entries}: each run equal to the entries of {@code earlier} at the same places
     * as the bytes they lie in ({@code starts[k]} in the earlier trace's data, each array ending
     * with the end of the last entry), any other through {@code write}.
     */
    private static <T> void writeEntries(Buffer out, List<T> entries, List<T> earlier, int[] starts,
            EarlierEntries from, Consumer<T> write) {
        for (int i = 0; i < entries.size(); ) {
            int same = sameRun(entries, earlier, i);
            if (same > i) {
                out.appendBytes(from.data(), starts[i], starts[same] - starts[i]);
                i = same;
            } else {
                write.accept(entries.get(i));
                i++;
            }
        }
    }

    /** Answers where the run of entries from {@code from} equal to those of {@code earlier} at the same places ends. */
    private static <T> int sameRun(List<T> entries, List<T> earlier, int from) {
        int end = from;
        while (end < entries.size() && end < earlier.size() && entries.get(end).equals(earlier.get(end))) {
            end++;
        }
        return end;
    }

    private static void writeInput(Buffer out, TraceInput input, StringTable table) {
        switch (input) {
            case TraceInput.FileContent file -> {
                out.appendByte(1);
                out.appendInt(table.index(file.path().value()));
                writeStamp(out, file.stamp());
                writeHash(out, file.sha256());
            }
            case TraceInput.Existence existence -> {
                out.appendByte(2);
                out.appendInt(table.index(existence.path().value()));
                out.appendByte(existence.exists() ? 1 : 0);
            }
            case TraceInput.Listing listing -> {
                out.appendByte(3);
                out.appendInt(table.index(listing.folder().value()));
                writeHash(out, listing.sha256());
            }
            case TraceInput.Volatile volatileInput -> {
                out.appendByte(4);
                out.appendInt(table.index(volatileInput.what()));
            }
            case TraceInput.Deadline deadline -> {
                out.appendByte(5);
                out.appendLong(deadline.moment().getEpochSecond());
                out.appendInt(deadline.moment().getNano());
            }
        }
    }

    /**
     * Decodes a trace's body; where {@code entries} is given, notes there where each of its inputs
     * and outputs lies in the bytes.
     */
    private static PageTrace readTrace(String key, Cursor in, StringSource strings, Map<PageTrace, int[][]> entries)
            throws IOException {
        int fingerprintCount = in.readInt();
        var fingerprints = new TreeMap<String, String>();
        for (int i = 0; i < fingerprintCount; i++) {
            fingerprints.put(strings.at(in.readInt()), readHash(in));
        }
        int inputCount = in.readInt();
        var inputs = new ArrayList<TraceInput>(in.atMost(inputCount));
        var inputStarts = entries == null ? null : new int[in.atMost(inputCount) + 1];
        for (int i = 0; i < inputCount; i++) {
            if (inputStarts != null) {
                inputStarts[i] = in.position();
            }
            int tag = in.readByte();
            inputs.add(switch (tag) {
                case 1 -> new TraceInput.FileContent(SitePath.of(strings.at(in.readInt())), readStamp(in), readHash(in));
                case 2 -> new TraceInput.Existence(SitePath.of(strings.at(in.readInt())), in.readBoolean());
                case 3 -> new TraceInput.Listing(SitePath.of(strings.at(in.readInt())), readHash(in));
                case 4 -> new TraceInput.Volatile(strings.at(in.readInt()));
                case 5 -> new TraceInput.Deadline(java.time.Instant.ofEpochSecond(in.readLong(), in.readInt()));
                default -> throw new IOException("unknown input tag " + tag);
            });
        }
        if (inputStarts != null) {
            inputStarts[inputCount] = in.position();
        }
        int outputCount = in.readInt();
        var outputs = new ArrayList<PageTrace.WrittenOutput>(in.atMost(outputCount));
        var outputStarts = entries == null ? null : new int[in.atMost(outputCount) + 1];
        for (int i = 0; i < outputCount; i++) {
            if (outputStarts != null) {
                outputStarts[i] = in.position();
            }
            outputs.add(new PageTrace.WrittenOutput(OutputPath.of(strings.at(in.readInt())), readStamp(in), readHash(in)));
        }
        if (outputStarts != null) {
            outputStarts[outputCount] = in.position();
        }
        var value = in.read(in.readInt());
        in.expectEnd();
        var trace = new PageTrace(key, fingerprints, inputs, outputs, Bytes.wrap(value));
        if (entries != null) {
            entries.put(trace, new int[][] {inputStarts, outputStarts});
        }
        return trace;
    }

    /** Hashes are 64 hex digits in memory and 32 bytes on disk. */
    private static void writeHash(Buffer out, String hash) {
        out.appendBytes(Sha256.bytesOfHex(hash));
    }

    private static String readHash(Cursor in) throws IOException {
        return Sha256.hex(in.read(32));
    }

    private static void writeStamp(Buffer out, FileStamp stamp) {
        out.appendByte(stamp != null ? 1 : 0);
        if (stamp != null) {
            out.appendLong(stamp.size());
            out.appendLong(stamp.modified());
        }
    }

    private static FileStamp readStamp(Cursor in) throws IOException {
        return in.readBoolean() ? new FileStamp(in.readLong(), in.readLong()) : null;
    }

    /**
     * Reads a section or one trace's body from the bytes it lies in, big-endian as {@link Buffer}
     * and {@link DataOutputStream} write it, and never past its end: bytes cut short or grown are
     * an {@link IOException}, as a damaged store must be. Read straight from the array, for the
     * reason {@link Buffer#appendInt} gives.
     */
    private static final class Cursor {
        private final byte[] data;
        private final int end;
        private int at;

        Cursor(byte[] data, int from, int length) {
            this.data = data;
            this.at = from;
            this.end = from + length;
        }

        private int take(int length) throws IOException {
            if (length < 0 || length > end - at) {
                throw new IOException("a length runs past the end of the bytes");
            }
            int from = at;
            at += length;
            return from;
        }

        int readByte() throws IOException {
            return data[take(1)];
        }

        boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        int readInt() throws IOException {
            return TraceStore.readInt(data, take(4));
        }

        long readLong() throws IOException {
            return TraceStore.readLong(data, take(8));
        }

        byte[] read(int length) throws IOException {
            int from = take(length);
            return Arrays.copyOfRange(data, from, from + length);
        }

        void skip(int length) throws IOException {
            take(length);
        }

        int readUnsignedShort() throws IOException {
            int from = take(2);
            return (data[from] & 0xff) << 8 | data[from + 1] & 0xff;
        }

        /** Answers where the next byte lies in the array. */
        int position() {
            return at;
        }

        /**
         * Reads a string as {@link DataOutputStream#writeUTF} wrote it: its length in two bytes,
         * then its modified UTF-8. Nearly every string of a store is ASCII, whose bytes are its
         * characters: those are copied as they are, the rest decoded as a data stream would.
         */
        String readUtf() throws IOException {
            int length = readUnsignedShort();
            int from = take(length);
            for (int i = from; i < from + length; i++) {
                if (data[i] < 0) {
                    return new DataInputStream(new ByteArrayInputStream(data, from - 2, length + 2)).readUTF();
                }
            }
            return new String(data, from, length, StandardCharsets.ISO_8859_1);
        }

        /** Answers {@code count}, or what is left of the body where that is less: a count read from damaged bytes sizes no list. */
        int atMost(int count) {
            return Math.max(0, Math.min(count, end - at));
        }

        void expectEnd() throws IOException {
            if (at != end) {
                throw new IOException("bytes after the end");
            }
        }
    }

    /** Where a trace's strings come from, by index: a section's table, or a rest's strings read as traces name them. */
    @FunctionalInterface
    private interface StringSource {
        String at(int index) throws IOException;
    }

    /**
     * The strings of a rest, kept as their bytes and decoded one at a time as the traces read
     * alone name them: an edit decodes a few dozen of the tens of thousands.
     */
    private static final class LazyStrings implements StringSource {
        private final byte[] bytes;
        private final int[] offsets;
        private final String[] decoded;

        private LazyStrings(byte[] bytes, int[] offsets) {
            this.bytes = bytes;
            this.offsets = offsets;
            this.decoded = new String[offsets.length];
        }

        /** Reads the table in {@code bytes} (its count, then each string as writeUTF wrote it) as far as where each string lies. */
        static LazyStrings of(byte[] bytes) throws IOException {
            var in = new Cursor(bytes, 0, bytes.length);
            int count = in.readInt();
            if (count < 0 || count > bytes.length / 2) {
                throw new IOException("a string table of " + count + " strings in " + bytes.length + " bytes");
            }
            var offsets = new int[count];
            for (int i = 0; i < count; i++) {
                offsets[i] = in.position();
                in.skip(in.readUnsignedShort());
            }
            in.expectEnd();
            return new LazyStrings(bytes, offsets);
        }

        @Override
        public synchronized String at(int index) throws IOException {
            var string = decoded[index];
            if (string == null) {
                string = new Cursor(bytes, offsets[index], bytes.length - offsets[index]).readUtf();
                decoded[index] = string;
            }
            return string;
        }
    }

    /**
     * Where each trace of a store's rest lies, kept in its head so that a build asking for a few
     * of them (a one-page edit asks for about twenty) reads those alone instead of tens of megabytes: the
     * length and checksum of the rest's string table, then for each trace the hash of its key,
     * where its body lies in the rest, its length and its checksum, sorted by hash; then a
     * checksum of the index itself (a delta reads it without the rest of the head).
     *
     * @param stringsLength how many bytes the string table takes at the start of the rest
     * @param stringsCrc the table's checksum
     * @param entries the entries, {@link #ENTRY} bytes each
     * @param count how many entries there are
     */
    private record RestIndex(int stringsLength, long stringsCrc, byte[] entries, int count) {
        static final int ENTRY = 20;
        /** The bytes of an index besides its entries: the table's length, checksum, the count, then the index's checksum. */
        private static final int FIXED = 4 + 8 + 4 + 8;

        /** Where a trace's body lies in the rest, how long it is and its checksum. */
        record Body(int offset, int length, int crc) {
        }

        /** Answers how many bytes the index takes as written. */
        int encodedLength() {
            return FIXED + count * ENTRY;
        }

        /**
         * Answers how many bytes the index starting at {@code at} in {@code start} takes, from its
         * count, where at most {@code available} bytes can be its.
         */
        static int lengthOf(byte[] start, int at, int available) throws IOException {
            if (at + 16 > start.length) {
                throw new IOException("the head ends before its rest's index");
            }
            int count = readInt(start, at + 12);
            long length = FIXED + (long) count * ENTRY;
            if (count < 0 || length > available) {
                throw new IOException("the rest's index runs past the head");
            }
            return (int) length;
        }

        /** Reads the index that starts at {@code from} in {@code bytes}, checking its checksum; it ends before {@code to}. */
        static RestIndex parse(byte[] bytes, int from, int to) throws IOException {
            var in = new Cursor(bytes, from, to - from);
            int stringsLength = in.readInt();
            long stringsCrc = in.readLong();
            int count = in.readInt();
            if (stringsLength < 4 || count < 0 || count > (to - from) / ENTRY) {
                throw new IOException("the rest's index is damaged");
            }
            int entriesAt = in.position();
            in.skip(count * ENTRY);
            var check = new CRC32();
            check.update(bytes, from, in.position() - from);
            if (in.readLong() != check.getValue()) {
                throw new IOException("the rest's index is damaged");
            }
            return new RestIndex(stringsLength, stringsCrc, Arrays.copyOfRange(bytes, entriesAt, entriesAt + count * ENTRY),
                    count);
        }

        /** Answers the bodies whose key has the hash of {@code key}: one, or more where keys collide, or none. */
        List<Body> bodiesOf(String key) {
            long hash = Fnv1a.hash64(key);
            int low = 0;
            int high = count;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (Long.compare(readLong(entries, middle * ENTRY), hash) < 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            var bodies = new ArrayList<Body>(1);
            for (int i = low; i < count && readLong(entries, i * ENTRY) == hash; i++) {
                int at = i * ENTRY + 8;
                bodies.add(new Body(readInt(entries, at), readInt(entries, at + 4), readInt(entries, at + 8)));
            }
            return bodies;
        }

        /** Appends the index of {@code rest} (as encoded for a store's rest) to {@code out}. */
        static void write(EncodedSection rest, Buffer out) {
            var traces = rest.traces().array();
            int tracesAt = rest.header().size();
            int count = readInt(rest.header().array(), tracesAt - 4);
            var hashes = new long[count];
            var bodies = new int[count][];
            int position = 0;
            for (int i = 0; i < count; i++) {
                int length = readInt(traces, position + 4);
                var check = new CRC32();
                check.update(traces, position + 8, length);
                hashes[i] = Fnv1a.hash64(rest.table().string(readInt(traces, position)));
                bodies[i] = new int[] {tracesAt + position + 8, length, (int) check.getValue()};
                position += 8 + length;
            }
            var order = new Integer[count];
            for (int i = 0; i < count; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> hashes[a] != hashes[b] ? Long.compare(hashes[a], hashes[b]) : Integer.compare(a, b));
            var strings = new CRC32();
            strings.update(rest.header().array(), 0, tracesAt - 4);
            int from = out.size();
            out.appendInt(tracesAt - 4);
            out.appendLong(strings.getValue());
            out.appendInt(count);
            for (int i : order) {
                out.appendLong(hashes[i]);
                out.appendInt(bodies[i][0]);
                out.appendInt(bodies[i][1]);
                out.appendInt(bodies[i][2]);
            }
            var check = new CRC32();
            check.update(out.array(), from, out.size() - from);
            out.appendLong(check.getValue());
        }
    }
}
