package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.OutputPath;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one traced computation (rendering a page, parsing a file, copying a static file) depended
 * on and produced the last time it ran: enough to tell whether it must run again.
 *
 * @param key the computation's key
 * @param fingerprints the named hashes of its non-file inputs, sorted by name
 * @param inputs every input it read, in order
 * @param outputs every file it wrote, with what it wrote
 * @param value its answer, encoded
 * @since 0.1
 */
public record PageTrace(String key, Map<String, String> fingerprints, List<TraceInput> inputs,
        List<WrittenOutput> outputs, Bytes value) {
    public PageTrace {
        Objects.requireNonNull(key, "key");
        fingerprints = java.util.Collections.unmodifiableMap(new TreeMap<>(fingerprints));
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(value, "value");
    }

    /**
     * A file a computation wrote.
     *
     * @param path the file
     * @param stamp its stamp right after the write, or null where none could be taken (a dry run)
     * @param sha256 the hash of what was written
     */
    public record WrittenOutput(OutputPath path, FileStamp stamp, String sha256) {
        // Written out rather than left to the record, as FileStamp's are: the record's own run
        // through method handles, slow until compiled, and a build that keeps its whole trace
        // compares tens of thousands of entries with the earlier trace's before the JIT has.
        @Override
        public boolean equals(Object other) {
            return other instanceof WrittenOutput that && Objects.equals(that.path, path) && Objects.equals(that.stamp, stamp)
                    && Objects.equals(that.sha256, sha256);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(path) * 31 + Objects.hashCode(stamp)) * 31 + Objects.hashCode(sha256);
        }
    }
}
