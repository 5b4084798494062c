package dev.kiln.effects;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces runs of bytes of an output file, each only where the file holds what the caller
 * expects there; answers the SHA-256 of what the file then holds (64 lower-case hex digits). For
 * patching a large generated file, such as a search index after some pages' edits, without
 * holding it in memory; handlers write it whole or not at all, and fail where the file is
 * missing, shorter than a part's end or not as expected.
 *
 * @param path the file, relative to the output folder
 * @param parts the runs replaced, in the order they lie in the file, none overlapping another
 * @since 0.1
 */
public record SpliceOutputFile(OutputPath path, List<Part> parts) implements Effect<String> {
    public SpliceOutputFile {
        Objects.requireNonNull(path, "path");
        parts = List.copyOf(parts);
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i).from() < parts.get(i - 1).to()) {
                throw new IllegalArgumentException("the parts of a splice overlap or are out of order");
            }
        }
    }

    /**
     * One run replaced.
     *
     * @param from where the bytes replaced start
     * @param to where they end (exclusive)
     * @param expected what the file must hold at {@code from}: a check that it is the file the
     *     caller has in mind
     * @param replacement what takes their place
     */
    public record Part(long from, long to, Bytes expected, Bytes replacement) {
        public Part {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(replacement, "replacement");
            if (from < 0 || to < from || to - from > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("cannot replace the bytes from " + from + " to " + to);
            }
        }
    }

    /**
     * Answers {@code existing}, the file's content (empty where there is no file), spliced as this
     * effect says, or fails as a handler would: for handlers that hold the file in memory.
     */
    public Bytes applyTo(Optional<Bytes> existing) {
        var content = existing.orElseThrow(() -> new EffectFailedException(this, path.value(), 0, "no such file", null));
        check(content.size());
        var spliced = content;
        // From the last part back, so that each part's positions still hold.
        for (var part : parts.reversed()) {
            if (!content.regionMatches((int) part.from(), part.expected().toArray(), part.expected().size())) {
                throw unexpected(part);
            }
            spliced = spliced.replaced((int) part.from(), (int) part.to(), part.replacement());
        }
        return spliced;
    }

    /** Fails where a file of {@code size} bytes is too short for the parts. */
    public void check(long size) {
        if (!parts.isEmpty() && parts.getLast().to() > size) {
            throw new EffectFailedException(this, path.value(), 0,
                    "it holds " + size + " bytes, fewer than " + parts.getLast().to(), null);
        }
    }

    /** Answers the failure of a file that does not hold what {@code part} expects. */
    public EffectFailedException unexpected(Part part) {
        return new EffectFailedException(this, path.value(), 0,
                "it does not hold what was expected at byte " + part.from(), null);
    }
}
