package dev.kiln.handlers;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import java.util.ArrayList;

/**
 * GitHub's autolinks (bare {@code https://} addresses, {@code www.} addresses and e-mail
 * addresses) made into links after parsing, by flexmark's own autolink post-processor, but only
 * on text that can hold one.
 *
 * <p>Registered as a parser extension, that post-processor makes flexmark classify every node of
 * every document and run its regular expressions over every text node: a fifth of the parse of a
 * typical page. Here the text nodes are visited in the same order (the document's, each once,
 * none it created) and a node without {@code :}, {@code @}, {@code &} or {@code www} is passed
 * over: the post-processor could find nothing there, since every link it finds needs one of them
 * and unescaping only removes backslashes or decodes entities.
 */
final class Autolinks {
    /** The post-processor reports the nodes it adds and removes; nothing here needs to know. */
    private static final NodeTracker UNTRACKED = new NodeTracker() {
        @Override
        public void nodeAdded(Node node) {
        }

        @Override
        public void nodeAddedWithChildren(Node node) {
        }

        @Override
        public void nodeAddedWithDescendants(Node node) {
        }

        @Override
        public void nodeRemoved(Node node) {
        }

        @Override
        public void nodeRemovedWithChildren(Node node) {
        }

        @Override
        public void nodeRemovedWithDescendants(Node node) {
        }
    };

    private Autolinks() {
    }

    /** Turns the autolinks of a parsed document into links. */
    static void link(Document document) {
        var candidates = new ArrayList<Text>();
        NodeWalk.descendants(document, node -> {
            // The post-processor takes text nodes of this exact class, not of its subclasses.
            if (node.getClass() == Text.class && mayHoldLink((Text) node)) {
                candidates.add((Text) node);
            }
        });
        if (candidates.isEmpty()) {
            return;
        }
        var processor = new AutolinkNodePostProcessor(document);
        for (var text : candidates) {
            // A node an earlier link took in (the text after an entity) has left the tree.
            if (text.getParent() != null) {
                processor.process(UNTRACKED, text);
            }
        }
    }

    /**
     * Answers whether the post-processor could find a link in this node: it reads on into an
     * entity or typographic text that follows, so such a node is always handed to it.
     */
    private static boolean mayHoldLink(Text text) {
        if (text.getNext() instanceof HtmlEntity || text.getNext() instanceof TypographicText) {
            return true;
        }
        var chars = TextRenderer.string(text.getChars());
        int run = 0;
        for (int i = 0, length = chars.length(); i < length; i++) {
            char c = chars.charAt(i);
            if (c == ':' || c == '@' || c == '&') {
                return true;
            }
            run = c == 'w' ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }
}
