package dev.kiln.handlers;

import com.vladsch.flexmark.util.ast.Node;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

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
        walk(root, (node, depth) -> visit.accept(node));
    }

    /** Answers how deep the tree under {@code root} goes: 1 for children only, 0 for none. */
    static int depth(Node root) {
        var deepest = new int[1];
        walk(root, (node, depth) -> deepest[0] = Math.max(deepest[0], depth));
        return deepest[0];
    }

    /** Visits every node under {@code root} with its depth (1 for the root's children), parents before their children. */
    private static void walk(Node root, ObjIntConsumer<Node> visit) {
        int depth = 1;
        var node = root.getFirstChild();
        while (node != null) {
            visit.accept(node, depth);
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
    }
}
