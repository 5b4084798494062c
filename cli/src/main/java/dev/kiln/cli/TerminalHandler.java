package dev.kiln.cli;

import dev.kiln.effects.Effect;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Log;
import dev.kiln.effects.Next;
import dev.kiln.effects.ReportProgress;
import dev.kiln.effects.Unit;
import java.io.PrintWriter;

/**
 * Shows the build to the person running it: log messages on the error stream, and, when that is a
 * terminal, a progress line rewritten in place at most ten times a second.
 *
 * <p>Hand-written rather than a progress-bar library: one line of text is all kiln shows, and a
 * library (with the terminal library under it) would cost class loading on every cold start.
 */
final class TerminalHandler implements Handler {
    private static final long REFRESH_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean interactive;
    private final boolean verbose;
    private long lastShown;
    private boolean lineShown;

    TerminalHandler(PrintWriter err, boolean interactive, boolean verbose) {
        this.err = err;
        this.interactive = interactive;
        this.verbose = verbose;
    }

    /** Answers true only for the effects this handler answers; it forwards every other one untouched. */
    @Override
    public boolean handles(Class<?> type) {
        return Log.class.isAssignableFrom(type) || ReportProgress.class.isAssignableFrom(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        return switch (effect) {
            case Log log -> {
                if (log.level() != Log.Level.DEBUG || verbose) {
                    show(log.level().name().toLowerCase(java.util.Locale.ROOT) + ": " + log.message());
                }
                yield (R) Unit.UNIT;
            }
            case ReportProgress progress -> {
                progress(progress);
                yield (R) Unit.UNIT;
            }
            default -> next.forward(effect);
        };
    }

    private synchronized void show(String message) {
        clearProgress();
        err.println(message);
        err.flush();
    }

    private synchronized void progress(ReportProgress progress) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (progress.done() < progress.total() && now - lastShown < REFRESH_NANOS) {
            return;
        }
        lastShown = now;
        int percent = progress.total() == 0 ? 100 : (int) (100L * progress.done() / progress.total());
        err.print("\r" + progress.phase() + " " + progress.done() + "/" + progress.total() + " (" + percent + "%)\u001b[K");
        err.flush();
        lineShown = true;
    }

    /** Removes the progress line, so that what follows starts on a clean line. */
    synchronized void clearProgress() {
        if (lineShown) {
            err.print("\r\u001b[K");
            err.flush();
            lineShown = false;
        }
    }
}
