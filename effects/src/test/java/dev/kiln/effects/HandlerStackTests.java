package dev.kiln.effects;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HandlerStackTests {
    private static final SitePath A = SitePath.of("a.txt");

    /** Answers ReadFile with fixed text; forwards everything else. */
    private static Handler readsAs(String text) {
        return new Handler() {
            @Override
            @SuppressWarnings("unchecked")
            public <R> R handle(Effect<R> effect, Next next) {
                return effect instanceof ReadFile ? (R) Bytes.utf8(text) : next.forward(effect);
            }
        };
    }

    /**
     * Answers ReadFile by performing ReadFile itself and upper-casing the answer; forwards the
     * rest. Says it handles ReadFile only where {@code saysWhatItHandles}, else keeps the default.
     */
    private static final class UpperCasing implements Handler {
        private final boolean saysWhatItHandles;

        UpperCasing(boolean saysWhatItHandles) {
            this.saysWhatItHandles = saysWhatItHandles;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R handle(Effect<R> effect, Next next) {
            if (effect instanceof ReadFile read) {
                return (R) Bytes.utf8(perform(read).asUtf8().toUpperCase());
            }
            return next.forward(effect);
        }

        @Override
        public boolean handles(Class<?> type) {
            return !saysWhatItHandles || type == ReadFile.class;
        }
    }

    @Test
    void performAnswersWhatTheFirstAnsweringHandlerAnswers() {
        var stack = HandlerStack.of(readsAs("first"), readsAs("second"));
        assertEquals("first", stack.run(() -> perform(new ReadFile(A)).asUtf8()));
    }

    @Test
    void aHandlerThatForwardsLeavesTheEffectToTheHandlersAfterIt() {
        var seen = new ArrayList<Effect<?>>();
        Handler recorder = new Handler() {
            @Override
            public <R> R handle(Effect<R> effect, Next next) {
                seen.add(effect);
                return next.forward(effect);
            }
        };
        var stack = HandlerStack.of(recorder, readsAs("text"));
        assertEquals("text", stack.run(() -> perform(new ReadFile(A)).asUtf8()));
        assertEquals(List.of(new ReadFile(A)), seen);
    }

    @Test
    void effectsAHandlerPerformsGoToTheHandlersAfterIt() {
        // The upper-casing handler answers ReadFile by performing ReadFile itself: if that reached
        // the same handler again, this would recurse until the stack overflowed.
        var stack = HandlerStack.of(new UpperCasing(false), readsAs("quiet"));
        assertEquals("QUIET", stack.run(() -> perform(new ReadFile(A)).asUtf8()));
    }

    @Test
    void anEffectNobodyAnswersFailsNamingTheEffectAndTheStack() {
        var stack = HandlerStack.of(readsAs("x"));
        var failure = assertThrows(UnhandledEffectException.class,
                () -> stack.run(() -> perform(new FileExists(A))));
        assertEquals(new FileExists(A), failure.effect());
        assertTrue(failure.getMessage().contains("FileExists[path=a.txt]"), failure.getMessage());
        assertTrue(failure.getMessage().contains("handlers: ["), failure.getMessage());
    }

    @Test
    void performWithNoStackBoundFailsWithAClearMessage() {
        var failure = assertThrows(IllegalStateException.class, () -> perform(new ReadFile(A)));
        assertTrue(failure.getMessage().contains("no handler stack bound"), failure.getMessage());
        assertFalse(Effects.isBound());
    }

    @Test
    void theStackIsBoundOnlyForTheDynamicExtentOfRun() {
        var stack = HandlerStack.of(readsAs("x"));
        assertTrue(stack.run(Effects::isBound));
        assertFalse(Effects.isBound());
    }

    @Test
    void tasksWrappedForThePerformersStackSeeTheWholeStackOnAnotherThread() throws Exception {
        // A handler that runs a Parallel's first task on another thread, in the performer's stack.
        Handler forking = new Handler() {
            @Override
            @SuppressWarnings("unchecked")
            public <R> R handle(Effect<R> effect, Next next) {
                if (effect instanceof Parallel<?> parallel) {
                    var task = next.inPerformersStack(parallel.tasks().getFirst());
                    return (R) List.of(CompletableFuture.supplyAsync(task).join());
                }
                return next.forward(effect);
            }
        };
        Handler upperCase = new Handler() {
            @Override
            @SuppressWarnings("unchecked")
            public <R> R handle(Effect<R> effect, Next next) {
                if (effect instanceof ReadFile read) {
                    return (R) Bytes.utf8(next.forward(read).asUtf8().toUpperCase());
                }
                return next.forward(effect);
            }
        };
        // The task performs ReadFile; in the performer's stack it passes the upper-casing handler,
        // which sits before the forking one.
        var stack = HandlerStack.of(upperCase, forking, readsAs("forked"));
        var answer = stack.run(() -> perform(new Parallel<>(List.of(() -> perform(new ReadFile(A)).asUtf8()))));
        assertEquals(List.of("FORKED"), answer);
    }

    /** Counts the effects it is called with; says it handles only {@code handled}, forwards all. */
    private static final class Counting implements Handler {
        private final Class<?> handled;
        private final List<Effect<?>> calls = new ArrayList<>();

        Counting(Class<?> handled) {
            this.handled = handled;
        }

        @Override
        public <R> R handle(Effect<R> effect, Next next) {
            calls.add(effect);
            return next.forward(effect);
        }

        @Override
        public boolean handles(Class<?> type) {
            return handled.isAssignableFrom(type);
        }
    }

    @Test
    void aHandlerIsNotCalledForEffectsItSaysItDoesNotHandle() {
        var onlyExists = new Counting(FileExists.class);
        Handler answers = new Handler() {
            @Override
            @SuppressWarnings("unchecked")
            public <R> R handle(Effect<R> effect, Next next) {
                return switch (effect) {
                    case ReadFile read -> (R) Bytes.utf8("text");
                    case FileExists exists -> (R) Boolean.TRUE;
                    default -> next.forward(effect);
                };
            }
        };
        var stack = HandlerStack.of(onlyExists, answers);
        assertEquals("text", stack.run(() -> perform(new ReadFile(A)).asUtf8()));
        assertEquals(List.of(), onlyExists.calls);
        assertTrue(stack.run(() -> perform(new FileExists(A))));
        assertEquals(List.of(new FileExists(A)), onlyExists.calls);
    }

    @Test
    void effectsPerformedPastSkippedHandlersStillGoOnlyToTheHandlersAfterThePerformer() {
        // The first handler answers ReadFile by performing it: that must reach the handlers after
        // it, past the skipped ones, and never the first again. The last handler in front of the
        // answering one handles FileExists only and is never called.
        var skipped = new Counting(FileExists.class);
        var counted = new Counting(ReadFile.class);
        var stack = HandlerStack.of(skipped, new UpperCasing(true), skipped, counted, skipped, readsAs("quiet"));
        assertEquals("QUIET", stack.run(() -> perform(new ReadFile(A)).asUtf8()));
        assertEquals(List.of(), skipped.calls);
        assertEquals(List.of(new ReadFile(A)), counted.calls);
    }

    @Test
    void anEffectEveryHandlerSkipsFailsNamingTheEffectAndTheStack() {
        var stack = HandlerStack.of(new Counting(ReadFile.class), new Counting(ReadFile.class));
        var failure = assertThrows(UnhandledEffectException.class,
                () -> stack.run(() -> perform(new FileExists(A))));
        assertEquals(new FileExists(A), failure.effect());
        assertTrue(failure.getMessage().contains("handlers: [Counting, Counting]"), failure.getMessage());
    }
}
