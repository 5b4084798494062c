package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.CopyFile;
import dev.kiln.effects.DeleteOutputFile;
import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Next;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.ReadOutputFile;
import dev.kiln.effects.SpliceOutputFile;
import dev.kiln.effects.StatOutputFile;
import dev.kiln.effects.Unit;
import dev.kiln.effects.WriteFile;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Swaps the write side of the stack for a plan: every write and copy is recorded with its size,
 * hash and whether it is new, changed or unchanged against the output a previous build left, every
 * removal of a stale output is recorded as a deletion, and nothing is written or deleted. Reads pass through, so the build runs in full.
 *
 * @since 0.1
 */
public final class DryRunHandler implements Handler {
    private final ConcurrentMap<OutputPath, PlannedWrite> plan = new ConcurrentHashMap<>();

    /** Answers a handler with an empty plan. */
    public static DryRunHandler create() {
        return new DryRunHandler();
    }

    /** Answers true only for the effects this handler answers; it forwards every other one untouched. */
    @Override
    public boolean handles(Class<?> type) {
        return WriteFile.class.isAssignableFrom(type) || CopyFile.class.isAssignableFrom(type)
                || SpliceOutputFile.class.isAssignableFrom(type) || DeleteOutputFile.class.isAssignableFrom(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        return switch (effect) {
            case WriteFile write -> {
                // A file its stamp vouches for is unchanged without reading it.
                boolean vouched = write.vouchingStamp().isPresent()
                        && write.isVouchedFor(next.forward(new StatOutputFile(write.path())));
                plan(write.path(), write.content(),
                        vouched ? PlannedWrite.Status.UNCHANGED : status(write.path(), write.content(), next));
                yield (R) Unit.UNIT;
            }
            case CopyFile copy -> {
                record(copy.target(), next.forward(new ReadFile(copy.source())), next);
                yield (R) Unit.UNIT;
            }
            case SpliceOutputFile splice -> {
                var content = splice.applyTo(next.forward(new ReadOutputFile(splice.path())));
                record(splice.path(), content, next);
                yield (R) content.sha256();
            }
            case DeleteOutputFile delete -> {
                plan.put(delete.path(), new PlannedWrite(delete.path(), 0, "", PlannedWrite.Status.DELETE));
                yield (R) Unit.UNIT;
            }
            default -> next.forward(effect);
        };
    }

    private void record(OutputPath path, Bytes content, Next next) {
        plan(path, content, status(path, content, next));
    }

    private void plan(OutputPath path, Bytes content, PlannedWrite.Status status) {
        plan.put(path, new PlannedWrite(path, content.size(), content.sha256(), status));
    }

    /** Answers how {@code content} compares with the file at {@code path}, read from the output. */
    private static PlannedWrite.Status status(OutputPath path, Bytes content, Next next) {
        var existing = next.forward(new ReadOutputFile(path));
        return existing.isEmpty() ? PlannedWrite.Status.NEW
                : existing.get().equals(content) ? PlannedWrite.Status.UNCHANGED
                : PlannedWrite.Status.CHANGED;
    }

    /** Answers the planned writes, sorted by path. */
    public List<PlannedWrite> plan() {
        return plan.values().stream().sorted(Comparator.comparing(PlannedWrite::path)).toList();
    }

    /**
     * A file a build would write, or delete.
     *
     * @param path where, relative to the output folder
     * @param size how many bytes
     * @param sha256 the hash of the content
     * @param status how it compares with the file a previous build left there
     */
    public record PlannedWrite(OutputPath path, long size, String sha256, Status status) {
        /** How a planned file compares with the output already on disk. */
        public enum Status { NEW, CHANGED, UNCHANGED, DELETE }
    }
}
