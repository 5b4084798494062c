package dev.kiln.effects;

import java.util.Map;
import java.util.Objects;

/**
 * Renders a named template of the site's {@code layouts/} with a context. The template's files are
 * themselves read through the handler stack, so they count as inputs of whatever performs this.
 *
 * @param template the template's name: its path below {@code layouts/} without the extension
 *     ({@code _default/single})
 * @param context the values the template sees: maps, lists, strings, numbers and booleans
 * @since 0.1
 */
public record RenderTemplate(String template, Map<String, Object> context) implements Effect<String> {
    public RenderTemplate {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(context, "context");
    }

    @Override
    public String toString() {
        return "RenderTemplate[" + template + "]";
    }
}
