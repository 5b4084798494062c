package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockStarts} must leave flexmark's parse exactly as it was: same nodes, same places, on
 * documents made of the lines each core parser starts on, indented and nested every way.
 */
class BlockStartsTests {
    /** Lines that start blocks, nearly start them, or continue them. */
    private static final List<String> LINES = List.of(
            "words", "words *em* `code`", "", "", "", "# heading", "###### six", "####### seven", "#no space", "#",
            "===", "---", "- - -", "***", "* * *", "___", "_ _ _", "--", "==", "```", "```java", "~~~", "````", "``` a ` b",
            "<div>", "</div>", "<!-- note -->", "<p>x</p>", "<span>inline</span>", "| a | b |", "|---|:-:|", "a | b",
            "[^1]: note", "[r]: /url", "[r]", "- [ ] task", "- [x] done", "[ ] not a task", "10. ten", "1234567890. too long",
            "1) paren", "+ plus", "-no space", "2.no space", "!!! note", "> quoted", ">", "\ttabbed", "+++", "0. zero");
    private static final List<String> PREFIXES = List.of("", "", "", " ", "  ", "   ", "    ", "     ", "\t", "> ", ">",
            "- ", "* ", "+ ", "1. ", "3) ", "  - ", "> - ", "- > ");

    private final Parser stock = parser(false);
    private final Parser gated = parser(true);

    /** Answers kiln's parser, or the same without {@link BlockStarts}: flexmark's own core parsers. */
    private static Parser parser(boolean gated) {
        var extensions = MarkdownHandler.extensions().stream()
                .filter(extension -> gated || !(extension instanceof BlockStarts)).toList();
        return Parser.builder(MarkdownHandler.options(extensions).toImmutable()).build();
    }

    @Test
    void parsesEveryDocumentAsFlexmarksOwnParsersDo() {
        var random = new SplittableRandom(20261128);
        for (int i = 0; i < 3000; i++) {
            var markdown = randomDocument(random);
            assertEquals(tree(stock.parse(markdown)), tree(gated.parse(markdown)), markdown);
        }
    }

    @Test
    void setextHeadingsListsAndBreaksStayApart() {
        var markdown = "Title\n===\n\nSub\n---\n\n- a\n- - -\n* * *\n1. one\n2) two\n\npara\n\n    code\n\n> quote\n---\n";
        var tree = tree(gated.parse(markdown));
        assertEquals(tree(stock.parse(markdown)), tree);
        for (var node : List.of("Heading", "ThematicBreak", "BulletList", "OrderedList", "IndentedCodeBlock", "BlockQuote")) {
            assertEquals(true, tree.contains("ast." + node + "["), node + " in\n" + tree);
        }
    }

    /** Answers every node of a document with its class, its place and its text, one per line, indented by depth. */
    private static String tree(Node document) {
        var out = new StringBuilder();
        tree(document, 0, out);
        return out.toString();
    }

    private static void tree(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(node.getClass().getName()).append('[').append(node.getStartOffset())
                .append(", ").append(node.getEndOffset()).append("] ").append(node.getChars().toString().replace("\n", "\\n"))
                .append('\n');
        for (var child = node.getFirstChild(); child != null; child = child.getNext()) {
            tree(child, depth + 1, out);
        }
    }

    private static String randomDocument(SplittableRandom random) {
        var out = new StringBuilder();
        for (int line = random.nextInt(25); line >= 0; line--) {
            for (int prefix = random.nextInt(3); prefix > 0; prefix--) {
                out.append(PREFIXES.get(random.nextInt(PREFIXES.size())));
            }
            out.append(LINES.get(random.nextInt(LINES.size()))).append('\n');
        }
        return out.toString();
    }
}
