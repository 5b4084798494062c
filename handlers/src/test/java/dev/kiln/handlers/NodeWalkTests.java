package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeWalkTests {
    private final Parser parser = Parser.builder(MarkdownHandler.options(List.of(TablesExtension.create()))).build();

    @Test
    void visitsTheNodesGetDescendantsGivesInTheSameOrder() {
        for (var markdown : List.of("", "plain", "# A *b* `c`\n\n> - x\n>   > **y** [z](u)\n>\n> 1. w\n\n| a | b |\n|-|-|\n| *c* | d |\n\ntail",
                "- a\n  - b\n    - c\n      - d\n- e\n\n> > > deep *er*\n\nlast [one](x) ![two](y)")) {
            var document = parser.parse(markdown);
            var walked = new ArrayList<Node>();
            NodeWalk.descendants(document, walked::add);
            var expected = new ArrayList<Node>();
            document.getDescendants().forEach(expected::add);
            assertEquals(expected, walked, markdown);
        }
    }

    @Test
    void depthCountsTheLevelsUnderTheRoot() {
        assertEquals(0, NodeWalk.depth(parser.parse("")));
        assertEquals(2, NodeWalk.depth(parser.parse("plain")));
        assertEquals(4, NodeWalk.depth(parser.parse("> > quoted\n\nafter")));
        assertEquals(7, NodeWalk.depth(parser.parse("first\n\n- a\n  - *b*\n- c")));
    }

    @Test
    void aSubtreeIsWalkedWithoutLeavingIt() {
        var document = parser.parse("> quoted *text*\n\nafter the quote");
        var quote = document.getFirstChild();
        var walked = new ArrayList<Node>();
        NodeWalk.descendants(quote, walked::add);
        assertTrue(walked.stream().allMatch(node -> node.getAncestorOfType(quote.getClass()) == quote), walked.toString());
        assertEquals(4, walked.size(), walked.toString());
    }
}
