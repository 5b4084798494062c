package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.OutputPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Collects the inputs and outputs of one traced computation while it runs, from any thread. It
 * holds the computation's earlier trace where it runs again after a check, for
 * {@link dev.kiln.effects.ChangedFiles} and {@link dev.kiln.effects.KeepEarlierTrace}.
 */
final class TraceRecorder {
    private final Set<TraceInput> inputs = new LinkedHashSet<>();
    private final List<PageTrace.WrittenOutput> outputs = new ArrayList<>();
    /** The output files it read, with what it found. */
    private final Map<OutputPath, OutputRead> outputReads = new LinkedHashMap<>();
    private final PageTrace earlier;
    private final Map<String, String> fingerprints;
    private final TraceHandler.CheckFindings findings;
    /** The computation's last trace, reusable or not: what it wrote, looked up when a write asks. */
    private final Supplier<Optional<PageTrace>> lastRun;
    /** What {@link #lastRun} wrote; null until a write asks. */
    private List<PageTrace.WrittenOutput> lastOutputs;
    private boolean keepsEarlier;

    /**
     * An output file as a computation read it: its stamp (null where it was missing), and its
     * content where the computation had it whole.
     */
    private record OutputRead(FileStamp stamp, Optional<Bytes> content) {
        /** Answers whether this is what the earlier run wrote: its stamp, or else its hash, as recorded. */
        boolean isAsWritten(PageTrace.WrittenOutput output) {
            return stamp != null && stamp.equals(output.stamp())
                    || content.isPresent() && content.get().sha256().equals(output.sha256());
        }
    }

    /**
     * A recorder for a computation with these fingerprints; {@code earlier} is its last trace, or
     * null where it has none or was made to run regardless, and {@code findings} what checking
     * that trace found. {@code lastRun} answers its last trace where the store has it at hand, even
     * one that may not be reused ({@code --no-cache}): the stamps and hashes of what it wrote are
     * still facts about the output.
     */
    TraceRecorder(PageTrace earlier, Map<String, String> fingerprints, TraceHandler.CheckFindings findings,
            Supplier<Optional<PageTrace>> lastRun) {
        this.earlier = earlier;
        this.fingerprints = fingerprints;
        this.findings = findings;
        this.lastRun = lastRun;
    }

    /** Answers what checking the earlier trace found. */
    TraceHandler.CheckFindings findings() {
        return findings;
    }

    /** Answers the computation's last trace, where it runs again because that trace failed. */
    Optional<PageTrace> earlier() {
        return Optional.ofNullable(earlier);
    }

    Map<String, String> fingerprints() {
        return fingerprints;
    }

    synchronized void input(TraceInput input) {
        inputs.add(input);
    }

    synchronized void output(PageTrace.WrittenOutput output) {
        outputs.add(output);
    }

    /** Takes on what a nested computation depended on and wrote: it is this one's too. */
    synchronized void include(PageTrace nested) {
        inputs.addAll(nested.inputs());
        outputs.addAll(nested.outputs());
    }

    /** Makes the trace keep the earlier trace's inputs and outputs, but for those recorded anew. */
    synchronized void keepEarlier() {
        keepsEarlier = earlier != null;
    }

    /**
     * Records that the computation read an output file: an input of its own, unless its trace keeps
     * the earlier one and the earlier run wrote just that there; then it follows from the inputs kept.
     * Which of the two is settled when the trace is made.
     */
    synchronized void outputRead(OutputPath path, FileStamp stamp, Optional<Bytes> content) {
        outputReads.put(path, new OutputRead(stamp, content));
    }

    /**
     * Answers what the computation's last run wrote at {@code path}, with the stamp it left there;
     * empty where it wrote nothing there.
     */
    Optional<PageTrace.WrittenOutput> lastWritten(OutputPath path) {
        List<PageTrace.WrittenOutput> outputs;
        synchronized (this) {
            if (lastOutputs == null) {
                lastOutputs = lastRun.get().map(PageTrace::outputs).orElse(List.of());
            }
            outputs = lastOutputs;
        }
        // A page writes one file or two; the few computations that write more write most of them
        // in computations of their own.
        for (var output : outputs) {
            if (output.path().equals(path)) {
                return Optional.of(output);
            }
        }
        return Optional.empty();
    }

    /** Answers whether the computation's earlier run wrote {@code path} and left it with {@code stamp}. */
    synchronized boolean wroteWithStamp(OutputPath path, FileStamp stamp) {
        return earlier != null && stamp != null
                && earlier.outputs().stream().anyMatch(output -> output.path().equals(path) && stamp.equals(output.stamp()));
    }

    synchronized PageTrace toTrace(String key, Map<String, String> fingerprints, Bytes value) {
        var readOutputs = new ArrayList<TraceInput>();
        outputReads.forEach((path, read) -> {
            if (!keepsEarlier || earlier.outputs().stream()
                    .noneMatch(output -> output.path().equals(path) && read.isAsWritten(output))) {
                readOutputs.add(new TraceInput.Volatile("it reads the output " + path));
            }
        });
        if (!keepsEarlier) {
            var all = new ArrayList<TraceInput>(inputs);
            all.addAll(readOutputs);
            return new PageTrace(key, fingerprints, all, List.copyOf(outputs), value);
        }
        // An input or output recorded anew takes the place of the earlier one of the same file.
        var mergedInputs = new LinkedHashMap<Object, TraceInput>();
        earlier.inputs().forEach(input -> mergedInputs.put(identity(input), input));
        inputs.forEach(input -> mergedInputs.put(identity(input), input));
        readOutputs.forEach(input -> mergedInputs.put(identity(input), input));
        var mergedOutputs = new LinkedHashMap<OutputPath, PageTrace.WrittenOutput>();
        earlier.outputs().forEach(output -> mergedOutputs.put(output.path(), output));
        outputs.forEach(output -> mergedOutputs.put(output.path(), output));
        return new PageTrace(key, fingerprints, List.copyOf(mergedInputs.values()), List.copyOf(mergedOutputs.values()),
                value);
    }

    /**
     * Answers what a computation that failed read and wrote, for the computation around it: only
     * what it recorded itself, none of its earlier trace. Mending a file it read must make the
     * computation around it run again; an output it read is no file a person mends.
     */
    synchronized PageTrace failedTrace(String key, Map<String, String> fingerprints) {
        return new PageTrace(key, fingerprints, List.copyOf(inputs), List.copyOf(outputs), Bytes.of(new byte[0]));
    }

    /** What an input is about, whatever was found: the same file read twice is one input. */
    private static Object identity(TraceInput input) {
        return switch (input) {
            case TraceInput.FileContent file -> List.of("content", file.path());
            case TraceInput.Existence existence -> List.of("existence", existence.path());
            case TraceInput.Listing listing -> List.of("listing", listing.folder());
            case TraceInput.Volatile volatileInput -> List.of("volatile", volatileInput.what());
            case TraceInput.Deadline deadline -> List.of("deadline", deadline.moment());
        };
    }
}
