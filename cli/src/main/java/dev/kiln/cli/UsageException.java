package dev.kiln.cli;

/** A command line that cannot be carried out as given: a missing folder, an unsafe output folder. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
