package dev.kiln.handlers;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer appending to what a render writes into: a page's {@link StringBuilder}, or a block
 * helper's buffer (which writes to the page's own writer where it has one). Unsynchronised: a
 * render runs on one thread.
 */
final class AppendableWriter extends Writer {
    private final Appendable buffer;

    AppendableWriter(Appendable buffer) {
        this.buffer = buffer;
    }

    @Override
    public void write(String text) throws IOException {
        buffer.append(text);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        buffer.append(text, offset, offset + length);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        buffer.append(new String(chars, offset, length));
    }

    @Override
    public void write(int c) throws IOException {
        buffer.append((char) c);
    }

    @Override
    public Writer append(CharSequence text) throws IOException {
        buffer.append(text);
        return this;
    }

    @Override
    public Writer append(CharSequence text, int start, int end) throws IOException {
        buffer.append(text, start, end);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
