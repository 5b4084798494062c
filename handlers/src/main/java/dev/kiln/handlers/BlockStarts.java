package dev.kiln.handlers;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.misc.Extension;
import java.util.List;
import java.util.Set;

/**
 * flexmark's seven core block parsers behind one factory that asks each of them about a line only
 * when the line's first character can start its block: a heading starts with {@code #} (or is a
 * line of {@code =} or {@code -} under a paragraph), a fence with {@code `} or {@code ~}, a list
 * item with a bullet or a digit. flexmark asks every parser about every line that does not start
 * with a letter, and the heading, fence and break parsers answer with regular expressions run on
 * its char sequences: on a table's rows and a list's items that was a sixth of a page's parse.
 *
 * <p>The parsers are asked in flexmark's own order (their dependencies order them completely,
 * block quotes first), each only where the line's block parser may be interrupted by it, as
 * flexmark's document parser does; the factory comes after every extension's, as flexmark's core
 * parsers do. Where a character test passes, the parser itself decides, so the document is the
 * one flexmark's stock setup parses ({@code BlockStartsTests}).
 */
final class BlockStarts implements Parser.ParserExtension {
    /** Any character: the parser decides from the line's indent, not its first character. */
    private static final String ANY = null;

    /** A core parser, the switch that turns flexmark's own copy of it off, and what its lines start with. */
    private record Core(CustomBlockParserFactory factory, DataKey<Boolean> key, String firstChars) {
        boolean mayStartWith(char first) {
            return firstChars == null || firstChars.indexOf(first) >= 0;
        }
    }

    /** In flexmark's order. A digit starts an ordered list item; a dash a list item, a setext heading or a break. */
    private static final List<Core> CORE = List.of(
            new Core(new BlockQuoteParser.Factory(), Parser.BLOCK_QUOTE_PARSER, ANY),
            new Core(new HeadingParser.Factory(), Parser.HEADING_PARSER, "#=-"),
            new Core(new FencedCodeBlockParser.Factory(), Parser.FENCED_CODE_BLOCK_PARSER, "`~"),
            new Core(new HtmlBlockParser.Factory(), Parser.HTML_BLOCK_PARSER, "<"),
            new Core(new ThematicBreakParser.Factory(), Parser.THEMATIC_BREAK_PARSER, "*-_"),
            new Core(new ListBlockParser.Factory(), Parser.LIST_BLOCK_PARSER, "*-+0123456789"),
            new Core(new IndentedCodeBlockParser.Factory(), Parser.INDENTED_CODE_BLOCK_PARSER, ANY));

    private BlockStarts() {
    }

    /** Answers the extension: it replaces flexmark's core block parsers with the one factory. */
    static Extension extension() {
        return new BlockStarts();
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        for (var core : CORE) {
            options.set(core.key(), false);
        }
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    /** Registered with flexmark; it makes one {@link Starts} per document, as flexmark does its factories. */
    private static final class Factory implements CustomBlockParserFactory {
        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new Starts(options);
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    /** One document's core parsers, each made the first time a line may start its block. */
    private static final class Starts implements BlockParserFactory {
        private final DataHolder options;
        private final BlockParserFactory[] made = new BlockParserFactory[CORE.size()];

        Starts(DataHolder options) {
            this.options = options;
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            var line = state.getLine();
            int at = state.getNextNonSpaceIndex();
            char first = at < line.length() ? line.charAt(at) : '\0';
            var interrupted = matched.getBlockParser();
            for (int i = 0; i < made.length; i++) {
                var core = CORE.get(i);
                if (!core.mayStartWith(first)) {
                    continue;
                }
                var factory = made[i];
                if (factory == null) {
                    factory = core.factory().apply(options);
                    made[i] = factory;
                }
                if (interrupted.canInterruptBy(factory)) {
                    var start = factory.tryStart(state, matched);
                    if (start != null) {
                        return start;
                    }
                }
            }
            return BlockStart.none();
        }
    }
}
