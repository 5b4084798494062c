package dev.kiln.handlers;

import java.io.Writer;

/** A writer into a {@link StringBuilder}, unsynchronised (a render runs on one thread). */
final class BuilderWriter extends Writer {
    private final StringBuilder text;

    BuilderWriter(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    /** Answers what was written, as it is being written (not a copy). */
    StringBuilder text() {
        return text;
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public Writer append(CharSequence chars) {
        text.append(chars);
        return this;
    }

    @Override
    public Writer append(CharSequence chars, int start, int end) {
        text.append(chars, start, end);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
