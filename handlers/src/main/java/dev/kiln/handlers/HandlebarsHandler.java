package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.io.AbstractTemplateLoader;
import com.github.jknack.handlebars.io.AbstractTemplateSource;
import com.github.jknack.handlebars.io.TemplateSource;
import dev.kiln.effects.Bytes;
import dev.kiln.effects.Effect;
import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.FileExists;
import dev.kiln.effects.Handler;
import dev.kiln.effects.Next;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.RenderTemplate;
import dev.kiln.effects.SitePath;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders {@link RenderTemplate} with Handlebars. Templates and partials live in the site's
 * {@code layouts/} as {@code .hbs} files and are read through the handler stack on every render,
 * so they count as inputs of the page that renders them; a template is compiled again only when
 * its content changes. Templates have kiln's helpers (dates, URLs, assets, Markdown, lists, JSON:
 * see {@code TemplateHelpers}). A template written in the plain subset the built-in theme uses is
 * rendered by kiln itself, to the same output ({@code DirectTemplates}).
 *
 * @since 0.1
 */
public final class HandlebarsHandler implements Handler {
    /** Where templates live, relative to the site folder. */
    public static final String LAYOUTS = "layouts/";
    /** The file name ending of templates. */
    public static final String SUFFIX = ".hbs";

    /** How long a template's output starts before anything is known of it. */
    private static final int FIRST_OUTPUT_SIZE = 8192;
    /** How large to start each template's next output, by name: a little over its last one. */
    private final Map<String, Integer> outputSizes = new ConcurrentHashMap<>();
    /** Built on first use: a build that renders nothing never loads Handlebars. */
    private final Lazy<Handlebars> handlebars = new Lazy<>(HandlebarsHandler::newHandlebars);
    /** Renders templates in the theme's plain subset of Handlebars; the others go to {@link #handlebars}. */
    private final Lazy<DirectTemplates> direct = new Lazy<>(() -> new DirectTemplates(handlebars.get()));

    /** Whether templates in the plain subset are rendered by {@link DirectTemplates}; off only in tests, as their oracle. */
    private final boolean rendersDirectly;

    private HandlebarsHandler(boolean rendersDirectly) {
        this.rendersDirectly = rendersDirectly;
    }

    static Handlebars newHandlebars() {
        var loader = new StackTemplateLoader();
        loader.setPrefix(LAYOUTS);
        loader.setSuffix(SUFFIX);
        var handlebars = new Handlebars(loader).with(new ConcurrentMapTemplateCache().setReload(true))
                .with(HtmlEscaping.INSTANCE).prettyPrint(false);
        // Helpers are registered before the instance is shared between threads.
        handlebars.registerHelper("each", ListEach.INSTANCE);
        handlebars.registerHelper("if", StreamedBlocks.IF);
        handlebars.registerHelper("with", StreamedBlocks.WITH);
        var markdown = MarkdownHandler.gitHubFlavoured();
        TemplateHelpers.register(handlebars, text -> markdown.render(text).html());
        return handlebars;
    }

    /** Answers a handler rendering the templates of the site's {@code layouts/}. */
    public static HandlebarsHandler create() {
        return new HandlebarsHandler(true);
    }

    /** Answers a handler rendering every template with Handlebars alone: what {@link DirectTemplates} is checked against. */
    static HandlebarsHandler handlebarsOnly() {
        return new HandlebarsHandler(false);
    }

    /** Answers true only for the effects this handler answers; it forwards every other one untouched. */
    @Override
    public boolean handles(Class<?> type) {
        return RenderTemplate.class.isAssignableFrom(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R handle(Effect<R> effect, Next next) {
        return effect instanceof RenderTemplate render ? (R) render(render) : next.forward(effect);
    }

    private String render(RenderTemplate render) {
        // Started a little over the template's last page: Handlebars' own buffer starts at 1,600
        // characters and was copied three or four times growing to a page's size.
        int size = outputSizes.getOrDefault(render.template(), FIRST_OUTPUT_SIZE);
        var rendered = rendersDirectly ? direct.get().render(render.template(), render.context(), size) : null;
        if (rendered == null) {
            rendered = renderWithHandlebars(render, size);
        }
        outputSizes.put(render.template(), rendered.length() + rendered.length() / 8);
        return rendered;
    }

    private String renderWithHandlebars(RenderTemplate render, int size) {
        var file = LAYOUTS + render.template() + SUFFIX;
        try {
            var template = handlebars.get().compile(render.template());
            var context = Context.newContext(render.context());
            try {
                var out = new StringBuilder(size);
                template.apply(context, new AppendableWriter(out));
                return out.toString();
            } finally {
                context.destroy();
            }
        } catch (FileNotFoundException e) {
            throw new EffectFailedException(render, file, 0, "template not found", e);
        } catch (HandlebarsException e) {
            throw failure(render, file, e);
        } catch (IOException e) {
            throw new EffectFailedException(render, file, 0, "cannot read template: " + e.getMessage(), e);
        }
    }

    private static RuntimeException failure(RenderTemplate render, String file, HandlebarsException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof EffectFailedException failed) {
                return failed;
            }
        }
        var error = e.getError();
        if (error == null) {
            return new EffectFailedException(render, file, 0, "template error: " + e.getMessage(), e);
        }
        var reason = error.reason == null ? error.message : error.reason;
        return new EffectFailedException(render, error.filename, error.line, "template error: " + reason.strip(), e);
    }

    /** Loads templates by performing effects, so that the stack answers them (disk, memory, theme). */
    private static final class StackTemplateLoader extends AbstractTemplateLoader {
        @Override
        public TemplateSource sourceAt(String location) throws IOException {
            var path = SitePath.of(resolve(location));
            if (!perform(new FileExists(path))) {
                throw new FileNotFoundException(path.value());
            }
            return new ContentSource(path.value(), perform(new ReadFile(path)));
        }
    }

    /**
     * A template's text; its "last modified" stamp is 64 bits of the content's SHA-256, so the
     * template cache compiles a template again exactly when its text changed. The text is decoded
     * only when the cache compiles it: a partial is looked up on every render of every page, and
     * the theme's files answer with the same bytes, whose hash is computed once.
     */
    private static final class ContentSource extends AbstractTemplateSource {
        private final String filename;
        private final Bytes content;
        private final long stamp;

        ContentSource(String filename, Bytes content) {
            this.filename = filename;
            this.content = content;
            this.stamp = Long.parseUnsignedLong(content.sha256(), 0, 16, 16);
        }

        @Override
        public String content(Charset charset) {
            return content.asUtf8();
        }

        @Override
        public String filename() {
            return filename;
        }

        @Override
        public long lastModified() {
            return stamp;
        }
    }
}
