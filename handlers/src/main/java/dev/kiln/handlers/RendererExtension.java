package dev.kiln.handlers;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/** A flexmark renderer extension made of node renderers: kiln's own nodes, or core nodes rendered its way. */
final class RendererExtension {
    private RendererExtension() {
    }

    /** Answers an extension rendering nodes with these handlers; they take precedence over the core renderer's. */
    static HtmlRenderer.HtmlRendererExtension of(NodeRenderingHandler<?>... handlers) {
        var rendering = Set.of(handlers);
        return new HtmlRenderer.HtmlRendererExtension() {
            @Override
            public void rendererOptions(MutableDataHolder options) {
            }

            @Override
            public void extend(HtmlRenderer.Builder builder, String rendererType) {
                builder.nodeRendererFactory(options -> (NodeRenderer) () -> rendering);
            }
        };
    }
}
