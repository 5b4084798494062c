package dev.kiln.handlers;

import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Next;
import dev.kiln.effects.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        if (!(effect instanceof Parallel<?> parallel)) {
            return next.forward(effect);
        }
        return (R) run(parallel, next);
    }

    private <T> List<T> run(Parallel<T> parallel, Next next) {
        List<Supplier<T>> tasks = parallel.tasks().stream().map(next::inPerformersStack).toList();
        return switch (strategy) {
            case SEQUENTIAL -> runSequentially(tasks);
            case POOL -> runOnPool(tasks);
            case VIRTUAL -> runOnVirtualThreads(tasks);
        };
    }

    private static <T> List<T> runSequentially(List<? extends Supplier<T>> tasks) {
        var results = new ArrayList<T>(tasks.size());
        RuntimeException failure = null;
        for (var task : tasks) {
            try {
                results.add(task.get());
            } catch (RuntimeException | Error e) {
                failure = collect(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private <T> List<T> runOnPool(List<? extends Supplier<T>> tasks) {
        var forks = new ArrayList<ForkJoinTask<T>>(tasks.size());
        for (var task : tasks) {
            Callable<T> callable = task::get;
            var fork = ForkJoinTask.adapt(callable);
            if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
                fork.fork();
            } else {
                pool.execute(fork);
            }
            forks.add(fork);
        }
        return join(forks);
    }

    private static <T> List<T> runOnVirtualThreads(List<? extends Supplier<T>> tasks) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<T>>(tasks.size());
            for (var task : tasks) {
                Callable<T> callable = task::get;
                futures.add(executor.submit(callable));
            }
            return join(futures);
        }
    }

    private static <T> List<T> join(List<? extends Future<T>> futures) {
        var results = new ArrayList<T>(futures.size());
        RuntimeException failure = null;
        for (var future : futures) {
            try {
                results.add(future instanceof ForkJoinTask<T> fork ? fork.join() : future.get());
            } catch (ExecutionException e) {
                failure = collect(failure, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = collect(failure, e);
            } catch (RuntimeException | Error e) {
                failure = collect(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static RuntimeException collect(RuntimeException first, Throwable next) {
        if (first == null) {
            return next instanceof RuntimeException runtime ? runtime : new IllegalStateException(next);
        }
        first.addSuppressed(next);
        return first;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
