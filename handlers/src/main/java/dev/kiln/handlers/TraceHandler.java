package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.ChangedFiles;
import dev.kiln.effects.CopyFile;
import dev.kiln.effects.DeleteOutputFile;
import dev.kiln.effects.Effect;
import dev.kiln.effects.FileExists;
import dev.kiln.effects.FileStamp;
import dev.kiln.effects.Handler;
import dev.kiln.effects.IsPast;
import dev.kiln.effects.KeepEarlierTrace;
import dev.kiln.effects.ListFiles;
import dev.kiln.effects.Next;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.Parallel;
import dev.kiln.effects.PruneOutputs;
import dev.kiln.effects.ReadClock;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.ReadOutputFile;
import dev.kiln.effects.Recorded;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.SpliceOutputFile;
import dev.kiln.effects.StatFile;
import dev.kiln.effects.StatOutputFile;
import dev.kiln.effects.StatOutputFiles;
import dev.kiln.effects.Traced;
import dev.kiln.effects.Unit;
import dev.kiln.effects.WriteFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Makes builds incremental. For each {@link Traced} computation it checks the trace the previous
 * build recorded: when every input still holds (file stamps first, hashes only where a stamp
 * differs) and every file it wrote is still there as written, the computation is skipped and its
 * recorded answer given back. Otherwise it runs, and everything it performs below this handler is
 * recorded as its new trace: files read, existence checks, listings, the clock, files written.
 *
 * <p>A computation that runs again may ask it which files changed since its last run
 * ({@link ChangedFiles}) and have its new trace keep the rest of the last one
 * ({@link KeepEarlierTrace}); any code may ask what the last build recorded of a computation
 * ({@link Recorded}). A whole build uses the three to build an edit of a few pages' words alone.
 *
 * <p>Place it below the handlers that read on a page's behalf (templates), so their reads count,
 * and above the parallel, theme and file handlers. One handler serves one build; {@link #store()}
 * then holds the traces for the next.
 *
 * @since 0.1
 */
public final class TraceHandler implements Handler {
    private static final ScopedValue<TraceRecorder> RECORDER = ScopedValue.newInstance();
    private static final int MAX_REASONS = 3;
    /** From how many inputs or outputs on a trace's checks are shared out over forks. */
    private static final int PARALLEL_CHECKS = 4096;
    private static final int CHECK_FORKS = 8;

    private final TraceStore previous;
    private final String kilnVersion;
    /** Computations to run even where their traces hold, with the reason to give. */
    private final Map<String, String> rerun;
    private final ConcurrentMap<String, PageTrace> current = new ConcurrentHashMap<>();
    /** The keys of the computations performed outside any other: the store keeps them in its head. */
    private final Set<String> outermost = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, List<String>> rebuilt = new ConcurrentSkipListMap<>();
    private final ConcurrentMap<Object, Object> checked = new ConcurrentHashMap<>();
    private final LongAdder skipped = new LongAdder();
    /**
     * Files whose stamps changed while their content did not (a checkout, a copy, a touch): the
     * stamps they have now, so that the next build compares stamps again instead of hashing.
     */
    private final ConcurrentMap<SitePath, FileStamp> refreshedInputs = new ConcurrentHashMap<>();
    private final ConcurrentMap<OutputPath, FileStamp> refreshedOutputs = new ConcurrentHashMap<>();
    private volatile boolean pruned;
    private final AtomicBoolean refreshed = new AtomicBoolean();

    private TraceHandler(TraceStore previous, String kilnVersion, Map<String, String> rerun) {
        this.previous = previous;
        this.kilnVersion = kilnVersion;
        this.rerun = rerun;
    }

    /** Answers a handler that reuses what {@code previous} still vouches for. */
    public static TraceHandler reusing(TraceStore previous, String kilnVersion) {
        return new TraceHandler(previous, kilnVersion, Map.of());
    }

    /**
     * Answers a handler that reuses what {@code previous} still vouches for, but runs the
     * computation {@code key} even where its trace holds, giving {@code reason}: {@code kiln serve}
     * runs the whole build's computation once to keep what it made. What it performs is checked
     * against its own traces as always.
     */
    public static TraceHandler rerunning(TraceStore previous, String kilnVersion, String key, String reason) {
        return new TraceHandler(previous, kilnVersion, Map.of(key, reason));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        if (effect instanceof Traced<?> traced) {
            return (R) traced(traced, next);
        }
        if (effect instanceof PruneOutputs prune) {
            return (R) prune(prune, next);
        }
        if (effect instanceof Recorded<?> recorded) {
            return (R) recorded(recorded);
        }
        if (!RECORDER.isBound()) {
            return switch (effect) {
                // Outside a traced computation there is no earlier run to compare with or keep.
                case ChangedFiles changed -> (R) Optional.empty();
                case KeepEarlierTrace keep -> (R) Unit.UNIT;
                default -> next.forward(effect);
            };
        }
        return record(effect, next, RECORDER.get());
    }

    private <T> Optional<Recorded.Answer<T>> recorded(Recorded<T> recorded) {
        return previous.reusable(recorded.key()).flatMap(trace -> {
            try {
                var outputs = new java.util.HashMap<OutputPath, String>();
                trace.outputs().forEach(output -> outputs.put(output.path(), output.sha256()));
                return Optional.of(new Recorded.Answer<>(recorded.codec().decode(trace.value()), trace.fingerprints(),
                        outputs));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Answers the files whose content changed since the computation's earlier run, where nothing
     * else did: from what its check found, where that looked at everything, else from a look at
     * every input and output now (the check's answers are kept, so few files are stat'ed again).
     */
    private Optional<ChangedFiles.Changes> changedFiles(TraceRecorder recorder, Next next) {
        var earlier = recorder.earlier();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        var findings = recorder.findings();
        if (findings.partial) {
            findings = new CheckFindings();
            if (!earlier.get().fingerprints().equals(recorder.fingerprints())) {
                return Optional.empty();
            }
            for (var input : earlier.get().inputs()) {
                inputReason(input, next, findings);
            }
            for (var output : earlier.get().outputs()) {
                outputReason(output, next, findings);
            }
        }
        return findings.changes();
    }

    /**
     * What a trace's check found besides its reasons: the files read whose content changed, the
     * outputs no longer as written, whether anything else differed, and whether it stopped before
     * looking at everything (it stops at a few reasons).
     */
    static final class CheckFindings {
        private final Set<SitePath> changed = ConcurrentHashMap.newKeySet();
        private final Set<OutputPath> changedOutputs = ConcurrentHashMap.newKeySet();
        private volatile boolean otherChange;
        private volatile boolean partial;

        void changed(SitePath file) {
            changed.add(file);
        }

        void changedOutput(OutputPath output) {
            changedOutputs.add(output);
        }

        void otherChange() {
            otherChange = true;
        }

        void partial() {
            partial = true;
        }

        /** Answers the files and outputs changed, where they are all that changed; empty where more did. */
        Optional<ChangedFiles.Changes> changes() {
            return otherChange ? Optional.empty() : Optional.of(new ChangedFiles.Changes(changed, changedOutputs));
        }
    }

    @SuppressWarnings("unchecked")
    private <R> R record(Effect<R> effect, Next next, TraceRecorder recorder) {
        return switch (effect) {
            case ReadFile read -> {
                // The stamp is taken before the read: if the file changes after it, the next build
                // sees another stamp and hashes the file again.
                var stamp = next.forward(new StatFile(read.path())).orElse(null);
                var content = next.forward(read);
                recorder.input(new TraceInput.FileContent(read.path(), stamp, content.sha256()));
                yield (R) content;
            }
            case FileExists exists -> {
                var answer = next.forward(exists);
                recorder.input(new TraceInput.Existence(exists.path(), answer));
                yield (R) answer;
            }
            case ListFiles list -> {
                var answer = next.forward(list);
                recorder.input(new TraceInput.Listing(list.folder(), listingHash(answer)));
                yield (R) answer;
            }
            case ReadClock clock -> {
                recorder.input(new TraceInput.Volatile("it reads the clock"));
                yield (R) next.forward(clock);
            }
            case IsPast past -> {
                var answer = next.forward(past);
                if (!answer) {
                    // A moment that has come stays past: only a "not yet" can change.
                    recorder.input(new TraceInput.Deadline(past.moment()));
                }
                yield (R) answer;
            }
            case ReadOutputFile read -> {
                var answer = next.forward(read);
                // Stamped after the read: a file changed since shows another stamp.
                recorder.outputRead(read.path(), stampOf(read.path(), next), answer);
                yield (R) answer;
            }
            case SpliceOutputFile splice -> {
                // A splice reads the output as it was, as a ReadOutputFile does. Where the stamp does
                // not show it to be the file the earlier run wrote, its content is read first, for
                // the trace to compare its hash with what was written.
                var before = stampOf(splice.path(), next);
                var content = recorder.wroteWithStamp(splice.path(), before) ? Optional.<Bytes>empty()
                        : next.forward(new ReadOutputFile(splice.path()));
                var answer = next.forward(splice);
                recorder.outputRead(splice.path(), before, content);
                recorder.output(new PageTrace.WrittenOutput(splice.path(), stampOf(splice.path(), next), answer));
                yield (R) answer;
            }
            case ChangedFiles changed -> (R) changedFiles(recorder, next);
            case KeepEarlierTrace keep -> {
                recorder.keepEarlier();
                yield (R) Unit.UNIT;
            }
            case WriteFile write -> {
                // Where the last run wrote these very bytes here, the stamp it left vouches for the
                // file: the handler that writes need not read it to find it holds them.
                var hash = write.content().sha256();
                var vouched = recorder.lastWritten(write.path())
                        .filter(last -> last.stamp() != null && last.sha256().equals(hash))
                        .map(last -> write.vouchedBy(last.stamp()))
                        .orElse(write);
                var answer = next.forward(vouched);
                recorder.output(new PageTrace.WrittenOutput(write.path(), stampOf(write.path(), next), hash));
                yield (R) answer;
            }
            case CopyFile copy -> {
                var stamp = next.forward(new StatFile(copy.source())).orElse(null);
                var hash = next.forward(new ReadFile(copy.source())).sha256();
                var answer = next.forward(copy);
                recorder.input(new TraceInput.FileContent(copy.source(), stamp, hash));
                recorder.output(new PageTrace.WrittenOutput(copy.target(), stampOf(copy.target(), next), hash));
                yield (R) answer;
            }
            case Parallel<?> parallel -> (R) next.forward(bound(parallel, recorder));
            default -> next.forward(effect);
        };
    }

    /** Forks do not inherit scoped values: each task binds the recorder again. */
    private static <T> Parallel<T> bound(Parallel<T> parallel, TraceRecorder recorder) {
        List<Supplier<T>> tasks = parallel.tasks().stream()
                .<Supplier<T>>map(task -> () -> ScopedValue.where(RECORDER, recorder).call(task::get))
                .toList();
        return new Parallel<>(tasks);
    }

    private static FileStamp stampOf(OutputPath path, Next next) {
        return next.forward(new StatOutputFile(path)).orElse(null);
    }

    private <T> T traced(Traced<T> traced, Next next) {
        var outer = RECORDER.isBound() ? RECORDER.get() : null;
        if (outer == null) {
            outermost.add(traced.key());
        }
        var earlier = previous.reusable(traced.key());
        var forced = rerun.get(traced.key());
        var findings = new CheckFindings();
        List<String> reasons = forced != null ? List.of(forced)
                : earlier.isEmpty() ? List.of(previous.notReusable().orElse("it is new"))
                : reasonsToRun(earlier.get(), traced, next, findings);
        if (reasons.isEmpty()) {
            var trace = withRefreshedStamps(earlier.get());
            Optional<T> value = decoded(traced, trace);
            if (value.isPresent()) {
                current.put(traced.key(), trace);
                skipped.increment();
                if (outer != null) {
                    outer.include(trace);
                }
                return value.get();
            }
            reasons = List.of("its recorded answer could not be read");
        }
        // A computation that runs because its trace failed may ask what changed, and keep the rest.
        var recorder = new TraceRecorder(forced == null ? earlier.orElse(null) : null, traced.fingerprints(), findings,
                () -> earlier.isPresent() ? earlier : previous.lastInMemory(traced.key()));
        var computation = next.inPerformersStack(traced.computation());
        T value;
        try {
            value = ScopedValue.where(RECORDER, recorder).call(computation::get);
        } catch (RuntimeException | Error e) {
            // A failed computation leaves no trace of its own, but what it read before failing is
            // an input of the computation around it: mending that file must make it run again.
            if (outer != null) {
                outer.include(recorder.failedTrace(traced.key(), traced.fingerprints()));
            }
            throw e;
        }
        var trace = recorder.toTrace(traced.key(), traced.fingerprints(), traced.codec().encode(value));
        current.put(traced.key(), trace);
        rebuilt.put(traced.key(), reasons);
        if (outer != null) {
            outer.include(trace);
        }
        return value;
    }

    private static <T> Optional<T> decoded(Traced<T> traced, PageTrace trace) {
        try {
            return Optional.of(traced.codec().decode(trace.value()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Answers why the computation must run again (up to a few reasons), or nothing if it need not. */
    private List<String> reasonsToRun(PageTrace trace, Traced<?> traced, Next next, CheckFindings findings) {
        Function<TraceInput, Optional<String>> inputCheck = input -> inputReason(input, next, findings);
        Function<PageTrace.WrittenOutput, Optional<String>> outputCheck = output -> outputReason(output, next, findings);
        List<String> outputReasons = null;
        var reasons = new ArrayList<String>();
        if (trace.inputs().size() + trace.outputs().size() < PARALLEL_CHECKS) {
            reasons.addAll(firstReasonsInTurn(trace.inputs(), inputCheck));
        } else {
            // A file found changed means the traces under this one will be asked for: the store
            // starts reading them meanwhile.
            Function<TraceInput, Optional<String>> noted = input -> {
                var reason = inputCheck.apply(input);
                if (reason.isPresent()) {
                    previous.readRestAhead();
                }
                return reason;
            };
            var both = checkedTogether(trace.inputs(), noted, trace.outputs(), findings, next);
            reasons.addAll(both.inputs());
            outputReasons = both.outputs();
        }
        // The most specific reasons first: a file that changed says more than a fingerprint.
        // A check stops at a few reasons (in each fork too): then it did not look at everything.
        if (reasons.size() >= MAX_REASONS) {
            findings.partial();
            return firstFew(reasons);
        }
        var now = new java.util.TreeMap<>(traced.fingerprints());
        for (var entry : now.entrySet()) {
            if (!entry.getValue().equals(trace.fingerprints().get(entry.getKey()))) {
                reasons.add(entry.getKey() + " changed");
                findings.otherChange();
            }
        }
        for (var name : trace.fingerprints().keySet()) {
            if (!now.containsKey(name)) {
                reasons.add(name + " is no longer used");
                findings.otherChange();
            }
        }
        if (reasons.size() >= MAX_REASONS) {
            findings.partial();
            return reasons;
        }
        reasons.addAll(outputReasons != null ? outputReasons : firstReasonsInTurn(trace.outputs(), outputCheck));
        return firstFew(reasons);
    }

    private static List<String> firstFew(List<String> reasons) {
        return reasons.size() > MAX_REASONS ? List.copyOf(reasons.subList(0, MAX_REASONS)) : reasons;
    }

    /** The reasons a check found in a trace's inputs and in its outputs. */
    private record Reasons(List<String> inputs, List<String> outputs) {
    }

    /**
     * Answers the first reasons {@code inputs} give and those {@code outputs} give (at most a few
     * each), checked together. The whole build's trace holds every file of the site: its checks (a
     * file stat each) are shared out over the parallel handler below, as forks of their own, the
     * inputs' first: a changed file found early lets the store read what will be asked for next
     * while the outputs are checked. Each fork of outputs asks for its outputs' stamps at once.
     */
    private Reasons checkedTogether(List<TraceInput> inputs, Function<TraceInput, Optional<String>> inputCheck,
            List<PageTrace.WrittenOutput> outputs, CheckFindings findings, Next next) {
        var forks = new ArrayList<Supplier<List<String>>>();
        int inputForks = forked(inputs, inputCheck, forks);
        for (var part : chunks(outputs)) {
            forks.add(() -> {
                var paths = new ArrayList<OutputPath>(part.size());
                for (var output : part) {
                    paths.add(output.path());
                }
                var stamps = next.forward(new StatOutputFiles(paths));
                return firstReasonsInTurn(part.size(), i -> outputReason(part.get(i), stamps.get(i), next, findings));
            });
        }
        var results = next.forward(new Parallel<>(forks));
        var outputReasons = new ArrayList<String>();
        var inputReasons = new ArrayList<String>();
        for (int i = 0; i < results.size(); i++) {
            (i < inputForks ? inputReasons : outputReasons).addAll(results.get(i));
        }
        return new Reasons(inputReasons, outputReasons);
    }

    /** Adds forks checking {@code items} in chunks to {@code forks}; answers how many it added. */
    private static <T> int forked(List<T> items, Function<T, Optional<String>> reason, List<Supplier<List<String>>> forks) {
        var parts = chunks(items);
        parts.forEach(part -> forks.add(() -> firstReasonsInTurn(part, reason)));
        return parts.size();
    }

    /** Answers {@code items} in at most {@link #CHECK_FORKS} chunks of about the same size, for forks. */
    private static <T> List<List<T>> chunks(List<T> items) {
        var chunks = new ArrayList<List<T>>();
        int chunk = Math.max(1, (items.size() + CHECK_FORKS - 1) / CHECK_FORKS);
        for (int from = 0; from < items.size(); from += chunk) {
            chunks.add(items.subList(from, Math.min(items.size(), from + chunk)));
        }
        return chunks;
    }

    private static <T> List<String> firstReasonsInTurn(List<T> items, Function<T, Optional<String>> reason) {
        return firstReasonsInTurn(items.size(), i -> reason.apply(items.get(i)));
    }

    /** Answers the reasons of the first of {@code count} items, in turn, up to {@link #MAX_REASONS}. */
    private static List<String> firstReasonsInTurn(int count, IntFunction<Optional<String>> reason) {
        var reasons = new ArrayList<String>();
        for (int i = 0; i < count && reasons.size() < MAX_REASONS; i++) {
            reason.apply(i).ifPresent(reasons::add);
        }
        return reasons;
    }

    /**
     * Answers why an input no longer holds, if it does not, and notes in {@code findings} what
     * became of it: a file whose content changed, or any other change.
     */
    private Optional<String> inputReason(TraceInput input, Next next, CheckFindings findings) {
        Optional<String> reason = switch (input) {
            case TraceInput.FileContent file -> switch (fileState(file, next)) {
                case SAME -> Optional.empty();
                case CHANGED -> {
                    findings.changed(file.path());
                    yield Optional.of(file.path() + " changed");
                }
                case DELETED -> {
                    findings.otherChange();
                    yield Optional.of(file.path() + " was deleted");
                }
            };
            case TraceInput.Existence existence -> {
                boolean exists = check(new FileExists(existence.path()), next);
                yield exists == existence.exists() ? Optional.empty()
                        : Optional.of(existence.path() + (exists ? " was added" : " was removed"));
            }
            case TraceInput.Listing listing -> {
                String hash = check(new ListingHash(listing.folder()),
                        () -> listingHash(next.forward(new ListFiles(listing.folder()))));
                yield hash.equals(listing.sha256()) ? Optional.empty()
                        : Optional.of("the files under " + listing.folder() + "/ changed");
            }
            case TraceInput.Volatile volatileInput -> Optional.of(volatileInput.what());
            case TraceInput.Deadline deadline -> check(new IsPast(deadline.moment()), next)
                    ? Optional.of("the date " + deadline.moment() + " has come") : Optional.empty();
        };
        if (reason.isPresent() && !(input instanceof TraceInput.FileContent)) {
            findings.otherChange();
        }
        return reason;
    }

    /** What became of a file a computation read. */
    private enum FileState {
        SAME, CHANGED, DELETED
    }

    /** Answers whether a file read is as it was: its stamp first, its hash where the stamp differs. */
    private FileState fileState(TraceInput.FileContent file, Next next) {
        Optional<FileStamp> stamp = check(new StatFile(file.path()), next);
        if (stamp.isEmpty()) {
            return FileState.DELETED;
        }
        if (stamp.get().equals(file.stamp())) {
            return FileState.SAME;
        }
        String hash = check(new ContentHash(file.path()), () -> next.forward(new ReadFile(file.path())).sha256());
        if (!hash.equals(file.sha256())) {
            return FileState.CHANGED;
        }
        refreshedInputs.put(file.path(), stamp.get());
        return FileState.SAME;
    }

    /** Answers why an output is not as written, if it is not, and notes it in {@code findings}. */
    private Optional<String> outputReason(PageTrace.WrittenOutput output, Next next, CheckFindings findings) {
        return outputReason(output, next.forward(new StatOutputFile(output.path())), next, findings);
    }

    /**
     * Answers why an output whose stamp is now {@code stamp} (empty where it is gone) is not as
     * written, if it is not, and notes it in {@code findings}.
     */
    private Optional<String> outputReason(PageTrace.WrittenOutput output, Optional<FileStamp> stamp, Next next,
            CheckFindings findings) {
        var reason = outputReason(output, stamp, next);
        if (reason.isPresent()) {
            findings.changedOutput(output.path());
        }
        return reason;
    }

    private Optional<String> outputReason(PageTrace.WrittenOutput output, Optional<FileStamp> stamp, Next next) {
        if (stamp.isEmpty()) {
            return Optional.of("its output " + output.path() + " is missing");
        }
        if (stamp.get().equals(output.stamp())) {
            return Optional.empty();
        }
        var content = next.forward(new ReadOutputFile(output.path()));
        if (content.isEmpty() || !content.get().sha256().equals(output.sha256())) {
            return Optional.of("its output " + output.path() + " was changed outside kiln");
        }
        refreshedOutputs.put(output.path(), stamp.get());
        return Optional.empty();
    }

    /**
     * Answers a trace that holds with the stamps its files have now, where a file's stamp changed
     * but not its content; the very trace where none did (its bytes are then copied as they are).
     */
    private PageTrace withRefreshedStamps(PageTrace trace) {
        if (refreshedInputs.isEmpty() && refreshedOutputs.isEmpty()) {
            return trace;
        }
        boolean changed = false;
        var inputs = new ArrayList<TraceInput>(trace.inputs().size());
        for (var input : trace.inputs()) {
            if (input instanceof TraceInput.FileContent file && refreshedInputs.containsKey(file.path())) {
                input = new TraceInput.FileContent(file.path(), refreshedInputs.get(file.path()), file.sha256());
                changed = true;
            }
            inputs.add(input);
        }
        var outputs = new ArrayList<PageTrace.WrittenOutput>(trace.outputs().size());
        for (var output : trace.outputs()) {
            if (refreshedOutputs.containsKey(output.path())) {
                output = new PageTrace.WrittenOutput(output.path(), refreshedOutputs.get(output.path()), output.sha256());
                changed = true;
            }
            outputs.add(output);
        }
        if (!changed) {
            return trace;
        }
        refreshed.set(true);
        return new PageTrace(trace.key(), trace.fingerprints(), inputs, outputs, trace.value());
    }

    /** Site files do not change during a build: each question is asked of the world once. */
    @SuppressWarnings("unchecked")
    private <R> R check(Effect<R> question, Next next) {
        return (R) checked.computeIfAbsent(question, key -> next.forward(question));
    }

    @SuppressWarnings("unchecked")
    private <R> R check(Object question, Supplier<R> answer) {
        return (R) checked.computeIfAbsent(question, key -> answer.get());
    }

    private record ContentHash(SitePath path) {
    }

    private record ListingHash(SitePath folder) {
    }

    private static String listingHash(List<SitePath> paths) {
        return Bytes.utf8(String.join("\n", paths.stream().map(SitePath::value).toList())).sha256();
    }

    private List<OutputPath> prune(PruneOutputs prune, Next next) {
        var stale = new TreeSet<OutputPath>();
        for (var output : previous.outputs()) {
            if (!prune.produced().contains(output)) {
                stale.add(output);
            }
        }
        for (var path : stale) {
            next.forward(new DeleteOutputFile(path));
        }
        pruned = true;
        return List.copyOf(stale);
    }

    /**
     * Answers the traces of this build, for the next one. After a build that did not prune (it met
     * problems), the earlier traces of computations that did not run are kept as well: a trace is
     * sound whenever it is checked, and it remembers outputs that a later clean build must prune.
     */
    public TraceStore store() {
        if (!changedStore()) {
            // Nothing ran: the earlier store still says everything (and stays undecoded).
            return previous;
        }
        if (!pruned && previous.notReusable().isEmpty()) {
            // Undecoded: a build that ran a few computations copies the bytes of all the others.
            return TraceStore.updated(kilnVersion, previous, current.values(), outermost);
        }
        return TraceStore.of(kilnVersion, current.values(), previous, outermost);
    }

    /**
     * Answers whether this build's traces differ from the earlier store's: a computation ran, stale
     * outputs were pruned, or a trace that held got the new stamps of files whose content did not
     * change. Where they do not, the earlier store need not be written again.
     */
    public boolean changedStore() {
        return !rebuilt.isEmpty() || pruned || refreshed.get() || previous.notReusable().isPresent();
    }

    /** Answers, for each computation that ran, why it had to (sorted by key). */
    public Map<String, List<String>> rebuilt() {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(rebuilt));
    }

    /** Answers how many computations were skipped because their traces still held. */
    public long skipped() {
        return skipped.sum();
    }
}
