package dev.kiln.handlers;

/**
 * Thrown, without a stack, where a page leaves what kiln writes itself ({@link DirectMarkdown},
 * {@link DirectHtml}); the page then goes to flexmark. One instance serves every throw: it is
 * caught at once and carries nothing.
 */
final class Unsupported extends RuntimeException {
    static final Unsupported INSTANCE = new Unsupported();

    private Unsupported() {
        super(null, null, false, false);
    }
}
