package dev.kiln.handlers;

import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Next;
import dev.kiln.effects.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Decides how {@link Parallel} tasks run: one after another (deterministic, for tests), on a
 * bounded pool of platform threads (CPU-bound rendering), or one virtual thread each (blocking
 * work). Every task runs in the handler stack of the code that performed the effect, and the
 * answers come back in the order of the tasks whatever the scheduling. When tasks fail, all of them
 * still finish, then the first failure is thrown with the others attached as suppressed.
 *
 * <p>Close the handler to release its threads.
 *
 * @since 0.1
 */
public final class ParallelHandler implements Handler, AutoCloseable {
    private final Strategy strategy;
    private final ForkJoinPool pool;

    private enum Strategy { SEQUENTIAL, POOL, VIRTUAL }

    private ParallelHandler(Strategy strategy, int threads) {
        this.strategy = strategy;
        this.pool = strategy == Strategy.POOL ? new ForkJoinPool(threads) : null;
    }

    /** Answers a handler that runs tasks one after another on the calling thread. */
    public static ParallelHandler sequential() {
        return new ParallelHandler(Strategy.SEQUENTIAL, 1);
    }

    /**
     * Answers a handler that runs tasks on a pool of {@code threads} platform threads (a work
     * stealing pool, so tasks may themselves run parallel tasks without starving the pool); one
     * thread means sequential.
     */
    public static ParallelHandler pool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        return threads == 1 ? sequential() : new ParallelHandler(Strategy.POOL, threads);
    }

    /** Answers a handler that runs each task on a virtual thread of its own. */
    public static ParallelHandler virtualThreads() {
        return new ParallelHandler(Strategy.VIRTUAL, 0);
    }

    /** Answers true only for the effects this handler answers; it forwards every other one untouched. */
    @Override
    public boolean handles(Class<?> type) {
        return Parallel.class.isAssignableFrom(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        if (!(effect instanceof Parallel<?> parallel)) {
            return next.forward(effect);
        }
        return (R) run(parallel, next);
    }

    private <T> List<T> run(Parallel<T> parallel, Next next) {
        List<Callable<Outcome<T>>> tasks = parallel.tasks().stream()
                .map(next::inPerformersStack)
                .<Callable<Outcome<T>>>map(task -> () -> Outcome.of(task))
                .toList();
        var outcomes = switch (strategy) {
            case SEQUENTIAL -> runSequentially(tasks);
            case POOL -> runOnPool(tasks);
            case VIRTUAL -> runOnVirtualThreads(tasks);
        };
        return Outcome.values(outcomes);
    }

    private static <T> List<Outcome<T>> runSequentially(List<Callable<Outcome<T>>> tasks) {
        var outcomes = new ArrayList<Outcome<T>>(tasks.size());
        for (var task : tasks) {
            outcomes.add(call(task));
        }
        return outcomes;
    }

    private <T> List<Outcome<T>> runOnPool(List<Callable<Outcome<T>>> tasks) {
        var forks = new ArrayList<ForkJoinTask<Outcome<T>>>(tasks.size());
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            for (var task : tasks) {
                forks.add(ForkJoinTask.adapt(task).fork());
            }
            // Joining from a worker of the pool helps run queued tasks, so nested Parallel effects
            // cannot starve it.
            return forks.stream().map(ForkJoinTask::join).toList();
        }
        // A thread outside the pool waits once for all the tasks: joining them one by one woke it
        // at each task it waited for (14,000 wake-ups in a build), on the cores the workers need.
        var unfinished = new CountDownLatch(tasks.size());
        for (var task : tasks) {
            var fork = ForkJoinTask.adapt(() -> {
                try {
                    return task.call();
                } finally {
                    unfinished.countDown();
                }
            });
            pool.execute(fork);
            forks.add(fork);
        }
        try {
            unfinished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The tasks still run; their outcomes are waited for below, as before.
        }
        return forks.stream().map(ForkJoinTask::join).toList();
    }

    private static <T> List<Outcome<T>> runOnVirtualThreads(List<Callable<Outcome<T>>> tasks) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<Outcome<T>>>(tasks.size());
            for (var task : tasks) {
                futures.add(executor.submit(task));
            }
            var outcomes = new ArrayList<Outcome<T>>(futures.size());
            for (var future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes.add(new Outcome<>(null, e));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
            return outcomes;
        }
    }

    private static <T> Outcome<T> call(Callable<Outcome<T>> task) {
        try {
            return task.call();
        } catch (Exception e) {
            return new Outcome<>(null, e);
        }
    }

    /** A task's value or what it threw, caught in the task so no executor wraps it. */
    private record Outcome<T>(T value, Throwable failure) {
        static <T> Outcome<T> of(Supplier<T> task) {
            try {
                return new Outcome<>(task.get(), null);
            } catch (RuntimeException | Error e) {
                return new Outcome<>(null, e);
            }
        }

        /** Answers the values in order, or throws the first failure with the others suppressed. */
        static <T> List<T> values(List<Outcome<T>> outcomes) {
            Throwable first = null;
            var values = new ArrayList<T>(outcomes.size());
            for (var outcome : outcomes) {
                if (outcome.failure() == null) {
                    values.add(outcome.value());
                } else if (first == null) {
                    first = outcome.failure();
                } else {
                    first.addSuppressed(outcome.failure());
                }
            }
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (first instanceof Error error) {
                throw error;
            }
            if (first != null) {
                throw new IllegalStateException("a parallel task failed", first);
            }
            return values;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
