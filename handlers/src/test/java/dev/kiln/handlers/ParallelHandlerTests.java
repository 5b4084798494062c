package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.Parallel;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import dev.kiln.testing.InMemoryFiles;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ParallelHandlerTests {

    static List<Supplier<ParallelHandler>> strategies() {
        return List.of(ParallelHandler::sequential, () -> ParallelHandler.pool(4), ParallelHandler::virtualThreads);
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void answersComeInTaskOrderAndForksSeeTheWholeStack(Supplier<ParallelHandler> strategy) {
        var files = InMemoryFiles.empty();
        IntStream.range(0, 50).forEach(i -> files.put("f" + i, "text " + i));
        try (var parallel = strategy.get()) {
            var stack = HandlerStack.of(parallel, files);
            List<Supplier<String>> tasks = IntStream.range(0, 50)
                    .<Supplier<String>>mapToObj(i -> () -> perform(new ReadFile(SitePath.of("f" + i))).asUtf8())
                    .toList();
            var answers = stack.run(() -> perform(new Parallel<>(tasks)));
            assertEquals(IntStream.range(0, 50).mapToObj(i -> "text " + i).toList(), answers);
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void nestedParallelTasksDoNotStarveThePool(Supplier<ParallelHandler> strategy) {
        try (var parallel = strategy.get()) {
            var stack = HandlerStack.of(parallel);
            List<Supplier<Integer>> outer = IntStream.range(0, 8).<Supplier<Integer>>mapToObj(i -> () -> {
                List<Supplier<Integer>> inner = IntStream.range(0, 8).<Supplier<Integer>>mapToObj(j -> () -> i * j).toList();
                return perform(new Parallel<>(inner)).stream().mapToInt(Integer::intValue).sum();
            }).toList();
            assertEquals(IntStream.range(0, 8).map(i -> i * 28).boxed().toList(), stack.run(() -> perform(new Parallel<>(outer))));
        }
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void everyTaskRunsAndEveryFailureIsKept(Supplier<ParallelHandler> strategy) {
        try (var parallel = strategy.get()) {
            var stack = HandlerStack.of(parallel);
            var ran = new java.util.concurrent.atomic.AtomicInteger();
            List<Supplier<Integer>> tasks = IntStream.range(0, 10).<Supplier<Integer>>mapToObj(i -> () -> {
                ran.incrementAndGet();
                if (i % 3 == 0) {
                    throw new IllegalStateException("task " + i);
                }
                return i;
            }).toList();
            var failure = assertThrows(IllegalStateException.class, () -> stack.run(() -> perform(new Parallel<>(tasks))));
            assertEquals(10, ran.get());
            assertEquals("task 0", failure.getMessage());
            assertEquals(3, failure.getSuppressed().length);
        }
    }
}
