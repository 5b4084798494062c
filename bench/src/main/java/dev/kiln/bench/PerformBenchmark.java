package dev.kiln.bench;

import static dev.kiln.effects.Effects.perform;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.Next;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The runtime's own overhead: one effect performed through five handlers that forward it to a
 * sixth that answers, against the same answer from a direct method call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PerformBenchmark {
    private static final Bytes ANSWER = Bytes.utf8("answer");

    private final ReadFile effect = new ReadFile(SitePath.of("content/page.md"));
    private HandlerStack stack;
    private Answerer direct;

    /** Answers ReadFile with a fixed value. */
    static final class Answerer implements Handler {
        @Override
        @SuppressWarnings("unchecked")
        public <R> R handle(Effect<R> effect, Next next) {
            return effect instanceof ReadFile ? (R) ANSWER : next.forward(effect);
        }

        Bytes read(ReadFile read) {
            return ANSWER;
        }
    }

    /** Forwards everything, as most handlers do with most effects. */
    static final class Forwarder implements Handler {
        @Override
        public <R> R handle(Effect<R> effect, Next next) {
            return next.forward(effect);
        }
    }

    /** Forwards everything, and says so ({@link Handler#handles}): the stack passes it by. */
    static final class Bystander implements Handler {
        @Override
        public <R> R handle(Effect<R> effect, Next next) {
            return next.forward(effect);
        }

        @Override
        public boolean handles(Class<?> type) {
            return false;
        }
    }

    private HandlerStack skipping;

    @Setup
    public void setUp() {
        direct = new Answerer();
        stack = HandlerStack.of(new Forwarder(), new Forwarder(), new Forwarder(), new Forwarder(), new Forwarder(),
                new Answerer());
        skipping = HandlerStack.of(new Bystander(), new Bystander(), new Bystander(), new Bystander(), new Bystander(),
                new Answerer());
    }

    /** The same stack but for handlers that say they do not handle the effect, which most say of most effects. */
    @Benchmark
    public Bytes performPastFiveHandlersThatSayTheyDoNotHandleIt() {
        return skipping.run(() -> perform(effect));
    }

    @Benchmark
    public Bytes performThroughFiveHandlers() {
        return stack.run(() -> perform(effect));
    }

    @Benchmark
    public Bytes directCall() {
        return direct.read(effect);
    }
}
