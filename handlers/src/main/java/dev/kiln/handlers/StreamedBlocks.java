package dev.kiln.handlers;

import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.helper.IfHelper;
import com.github.jknack.handlebars.helper.WithHelper;
import java.io.IOException;

/**
 * Handlebars' {@code if} and {@code with}, their block written straight into the page being
 * rendered. Handlebars' own render the block into a fresh 1,600-character buffer, copy it into a
 * string and append that: every page's layout has a dozen of them, and those buffers were a sixth
 * of all the memory a build allocated. Each block gets the same context as there ({@code if}: the
 * current one; {@code with}: its value's); a block with block parameters is left to Handlebars'
 * own helper.
 */
final class StreamedBlocks implements Helper<Object> {
    static final StreamedBlocks IF = new StreamedBlocks(false);
    static final StreamedBlocks WITH = new StreamedBlocks(true);

    /** Whether the block's context is its value ({@code with}) rather than the current one ({@code if}). */
    private final boolean entersValue;

    private StreamedBlocks(boolean entersValue) {
        this.entersValue = entersValue;
    }

    @Override
    public Object apply(Object value, Options options) throws IOException {
        if (!options.blockParams.isEmpty()) {
            return (entersValue ? WithHelper.INSTANCE : IfHelper.INSTANCE).apply(value, options);
        }
        var buffer = options.buffer();
        var block = options.isFalsy(value) ? options.inverse : options.fn;
        block.apply(entersValue ? options.wrap(value) : options.context, new AppendableWriter(buffer));
        // Written to the page already where the buffer is the page's writer (its text is then
        // empty); else its text is the block's, as Handlebars' helpers answer.
        return buffer;
    }
}
