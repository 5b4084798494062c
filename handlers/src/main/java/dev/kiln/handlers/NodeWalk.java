package dev.kiln.handlers;

import com.vladsch.flexmark.util.ast.Node;
import java.util.function.Consumer;

/**
 * Visits a flexmark tree's nodes in document order by following its links (first child, next,
 * parent): the same order as {@code Node.getDescendants()}, without the iterator objects it makes
 * for every node, which were a tenth of kiln's Markdown time for three walks of every page.
 */
final class NodeWalk {
    private NodeWalk() {
    }

    /** Visits every node under {@code root}, parents before their children; the visit must not change the tree. */
    static void descendants(Node root, Consumer<Node> visit) {
        var node = root.getFirstChild();
        while (node != null) {
            visit.accept(node);
            var next = node.getFirstChild();
            if (next == null) {
                var at = node;
                while (at != root && at.getNext() == null) {
                    at = at.getParent();
                }
                next = at == root ? null : at.getNext();
            }
            node = next;
        }
    }

    /** Answers how deep the tree under {@code root} goes: 1 for children only, 0 for none. */
    static int depth(Node root) {
        int depth = 1;
        int deepest = 0;
        var node = root.getFirstChild();
        while (node != null) {
            deepest = Math.max(deepest, depth);
            var next = node.getFirstChild();
            if (next != null) {
                depth++;
            } else {
                var at = node;
                while (at != root && at.getNext() == null) {
                    at = at.getParent();
                    depth--;
                }
                next = at == root ? null : at.getNext();
            }
            node = next;
        }
        return deepest;
    }
}
