package dev.kiln.effects;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs independent tasks and answers their results in the order of the tasks. Whether they run one
 * after another, on a pool or on virtual threads is the handler's decision; each task sees the
 * handler stack of the code that performed this effect.
 *
 * @param tasks the tasks, which may themselves perform effects
 * @param <T> what each task returns
 * @since 0.1
 */
public record Parallel<T>(List<Supplier<T>> tasks) implements Effect<List<T>> {
    public Parallel {
        tasks = List.copyOf(tasks);
    }

    @Override
    public String toString() {
        return "Parallel[" + tasks.size() + " tasks]";
    }
}
