package dev.kiln.effects;

import java.util.Objects;

/**
 * Tells whoever watches the build how far a phase has come.
 *
 * @param phase what is being done ("render")
 * @param done how many items are finished
 * @param total how many items there are
 * @since 0.1
 */
public record ReportProgress(String phase, int done, int total) implements Effect<Unit> {
    public ReportProgress {
        Objects.requireNonNull(phase, "phase");
        if (done < 0 || total < 0 || done > total) {
            throw new IllegalArgumentException("progress " + done + "/" + total + " is out of range");
        }
    }
}
