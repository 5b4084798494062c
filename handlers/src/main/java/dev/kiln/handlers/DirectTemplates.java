package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;

import com.github.jknack.handlebars.Handlebars;
import dev.kiln.effects.FileExists;
import dev.kiln.effects.ReadFile;
import dev.kiln.effects.SitePath;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Renders templates written in the plain subset of Handlebars that kiln's theme uses, straight
 * into one buffer: text, {@code {{path}}} and {@code {{{path}}}}, {@code if}, {@code with} and
 * {@code each} blocks with their {@code else}, {@code {{> partial}}}, and {@code {{#partial}}}
 * with {@code {{#block}}}. A template with anything else (helpers, parameters, {@code ../},
 * {@code @data}, comments, whitespace control), or a render that meets what Handlebars would
 * answer through Java methods, answers {@code null} and goes to Handlebars, as a page outside
 * {@link DirectMarkdown}'s subset goes to flexmark. What it renders is what Handlebars renders
 * (the tests hold it to Handlebars' own output), and it reads a template and each partial it
 * includes through the handler stack as Handlebars' loader does, so they stay inputs of the page.
 */
final class DirectTemplates {
    /** The parsed form of each template text seen, by its SHA-256; {@link #OUTSIDE} where it leaves the subset. */
    private final Map<String, Node[]> parsed = new ConcurrentHashMap<>();
    private static final Node[] OUTSIDE = new Node[0];
    /** Names Handlebars would take for a helper call rather than a value. */
    private final Set<String> helpers;
    /** How deep partials may include partials before the render is left to Handlebars (which reports loops). */
    private static final int MAX_DEPTH = 32;

    /** Answers a renderer that leaves to Handlebars any name {@code handlebars} knows as a helper. */
    DirectTemplates(Handlebars handlebars) {
        var names = new java.util.HashSet<String>();
        handlebars.helpers().forEach(entry -> names.add(entry.getKey()));
        this.helpers = Set.copyOf(names);
    }

    /**
     * Renders {@code template} (a name under {@code layouts/}, without {@code .hbs}) with {@code model};
     * answers null where it or what it meets leaves the subset (nothing is written then).
     */
    String render(String template, Map<String, Object> model, int sizeHint) {
        try {
            var out = new StringBuilder(sizeHint);
            new Run(out).nodes(load(template), new Scope(model, null, null), 0);
            return out.toString();
        } catch (Unsupported e) {
            return null;
        }
    }

    /** Reads a template as Handlebars' loader does (so the read is the page's input) and answers its parsed form. */
    private Node[] load(String name) {
        var path = SitePath.of(HandlebarsHandler.LAYOUTS + name + HandlebarsHandler.SUFFIX);
        if (!perform(new FileExists(path))) {
            // Handlebars reports it, as it always has.
            throw Unsupported.INSTANCE;
        }
        var content = perform(new ReadFile(path));
        var nodes = parsed.computeIfAbsent(content.sha256(), hash -> parse(content.asUtf8()));
        if (nodes == OUTSIDE) {
            throw Unsupported.INSTANCE;
        }
        return nodes;
    }

    /** One piece of a parsed template. */
    private sealed interface Node {
    }

    /** Text written as it is. */
    private record Text(String text) implements Node {
    }

    /** A value written escaped ({@code {{path}}}) or as it is ({@code {{{path}}}}). */
    private record Value(String[] path, boolean escaped) implements Node {
    }

    /** An {@code if}, {@code with} or {@code each} block and what it renders when its value is falsy. */
    private record Block(Kind kind, String[] path, Node[] body, Node[] otherwise) implements Node {
    }

    private enum Kind { IF, WITH, EACH }

    /** A partial read from {@code layouts/}: {@code {{> name}}}. */
    private record Include(String name) implements Node {
    }

    /** {@code {{#partial "name"}}}: a body kept for the {@code {{#block "name"}}} of a layout. */
    private record Define(String name, Node[] body) implements Node {
    }

    /** {@code {{#block "name"}}}: where the body kept under that name is rendered. */
    private record Slot(String name, Node[] fallback) implements Node {
    }

    private static final Pattern PATH = Pattern.compile("this|[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*)*");
    private static final Pattern PARTIAL_NAME = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    private static final Pattern QUOTED_NAME = Pattern.compile("\"[A-Za-z0-9_-]+\"");
    private static final String[] THIS = new String[0];

    /** Answers a template's nodes, or {@link #OUTSIDE} where anything in it leaves the subset. */
    Node[] parse(String text) {
        try {
            var parser = new Parser(text);
            var nodes = parser.nodes(null);
            return parser.at == text.length() ? nodes : OUTSIDE;
        } catch (Unsupported e) {
            return OUTSIDE;
        }
    }

    /** Reads a template's text into nodes, one block at a time. */
    private final class Parser {
        private final String text;
        private int at;
        /** What the last tag closing a block list was: {@code else}, or the closing tag's name. */
        private String closedBy;

        Parser(String text) {
            this.text = text;
        }

        /** Reads nodes up to the end of the text, or (inside a block) up to its {@code else} or closing tag. */
        Node[] nodes(String block) {
            var nodes = new ArrayList<Node>();
            while (at < text.length()) {
                int open = text.indexOf("{{", at);
                if (open < 0) {
                    nodes.add(new Text(text.substring(at)));
                    at = text.length();
                    break;
                }
                if (open > 0 && text.charAt(open - 1) == '\\') {
                    throw Unsupported.INSTANCE;
                }
                if (open > at) {
                    nodes.add(new Text(text.substring(at, open)));
                }
                boolean triple = text.startsWith("{{{", open);
                int close = text.indexOf(triple ? "}}}" : "}}", open);
                if (close < 0) {
                    throw Unsupported.INSTANCE;
                }
                var tag = text.substring(open + (triple ? 3 : 2), close).strip();
                at = close + (triple ? 3 : 2);
                if (at < text.length() && text.charAt(at) == '}') {
                    // Handlebars reads "}}}" after "{{" as an error.
                    throw Unsupported.INSTANCE;
                }
                if (triple) {
                    nodes.add(new Value(path(tag), false));
                } else if (tag.equals("else") || tag.startsWith("/")) {
                    if (block == null || !tag.equals("else") && !tag.equals("/" + block)) {
                        throw Unsupported.INSTANCE;
                    }
                    closedBy = tag;
                    return nodes.toArray(Node[]::new);
                } else if (tag.startsWith("#")) {
                    nodes.add(block(tag.substring(1)));
                } else if (tag.startsWith(">")) {
                    var name = tag.substring(1).strip();
                    if (!PARTIAL_NAME.matcher(name).matches()) {
                        throw Unsupported.INSTANCE;
                    }
                    nodes.add(new Include(name));
                } else {
                    nodes.add(new Value(path(tag), true));
                }
            }
            if (block != null) {
                // A block left open.
                throw Unsupported.INSTANCE;
            }
            return nodes.toArray(Node[]::new);
        }

        private Node block(String tag) {
            int space = tag.indexOf(' ');
            if (space < 0) {
                throw Unsupported.INSTANCE;
            }
            var name = tag.substring(0, space);
            var argument = tag.substring(space + 1).strip();
            var body = nodes(name);
            var otherwise = closedBy.equals("else") ? nodes(name) : new Node[0];
            if (closedBy.equals("else")) {
                // A second else.
                throw Unsupported.INSTANCE;
            }
            return switch (name) {
                case "if" -> new Block(Kind.IF, path(argument), body, otherwise);
                case "with" -> new Block(Kind.WITH, path(argument), body, otherwise);
                case "each" -> new Block(Kind.EACH, path(argument), body, otherwise);
                case "partial" -> otherwise.length == 0 ? new Define(quoted(argument), body) : unsupported();
                case "block" -> otherwise.length == 0 ? new Slot(quoted(argument), body) : unsupported();
                default -> unsupported();
            };
        }

        private String[] path(String tag) {
            if (!PATH.matcher(tag).matches()) {
                throw Unsupported.INSTANCE;
            }
            if (tag.equals("this")) {
                return THIS;
            }
            var segments = tag.split("\\.");
            // A helper's name is a call, not a value; "root" is Handlebars' own data, and where no
            // context holds a name, Handlebars asks each context's data (a HashMap) for it,
            // through its Java methods too ("empty" is its isEmpty()).
            if (helpers.contains(segments[0]) || segments[0].equals("root") || segments[0].equals("else")
                    || hasAccessor(HashMap.class, segments[0])) {
                throw Unsupported.INSTANCE;
            }
            return segments;
        }

        private static String quoted(String argument) {
            if (!QUOTED_NAME.matcher(argument).matches()) {
                throw Unsupported.INSTANCE;
            }
            return argument.substring(1, argument.length() - 1);
        }

        private static Node unsupported() {
            throw Unsupported.INSTANCE;
        }
    }

    /**
     * A context as Handlebars stacks them: a value, the context it was entered from, and the path
     * of the {@code with} that entered it (null for others).
     */
    private record Scope(Object model, Scope parent, String[] enteredBy) {
    }

    /** One render: its buffer and the bodies its templates keep for their layouts' blocks. */
    private final class Run {
        private final StringBuilder out;
        private final Map<String, Node[]> kept = new HashMap<>();

        Run(StringBuilder out) {
            this.out = out;
        }

        void nodes(Node[] nodes, Scope scope, int depth) {
            if (depth > MAX_DEPTH) {
                throw Unsupported.INSTANCE;
            }
            for (var node : nodes) {
                switch (node) {
                    case Text text -> out.append(text.text());
                    case Value value -> write(lookUp(value.path(), scope), value.escaped());
                    case Block block -> block(block, scope, depth);
                    case Include include -> {
                        // Handlebars would include a body kept under that name instead of the file.
                        if (kept.containsKey(include.name())) {
                            throw Unsupported.INSTANCE;
                        }
                        nodes(load(include.name()), scope, depth + 1);
                    }
                    case Define define -> {
                        if (kept.putIfAbsent(define.name(), define.body()) != null) {
                            throw Unsupported.INSTANCE;
                        }
                    }
                    case Slot slot -> {
                        var body = kept.get(slot.name());
                        if (body == null) {
                            throw Unsupported.INSTANCE;
                        }
                        nodes(body, scope, depth + 1);
                    }
                }
            }
        }

        private void block(Block block, Scope scope, int depth) {
            var value = lookUp(block.path(), scope);
            boolean falsy = Handlebars.Utils.isEmpty(value);
            switch (block.kind()) {
                case IF -> nodes(falsy ? block.otherwise() : block.body(), scope, depth);
                case WITH -> nodes(falsy ? block.otherwise() : block.body(), new Scope(value, scope, block.path()), depth);
                case EACH -> {
                    if (!(value instanceof List<?> items)) {
                        throw Unsupported.INSTANCE;
                    }
                    if (items.isEmpty()) {
                        nodes(block.otherwise(), scope, depth);
                    }
                    for (var item : items) {
                        nodes(block.body(), new Scope(item, scope, null), depth);
                    }
                }
            }
        }

        private void write(Object value, boolean escaped) {
            switch (value) {
                case null -> {
                }
                case String text -> out.append(escaped ? HtmlEscaping.INSTANCE.escape(text) : text);
                case Number number -> out.append(escaped ? HtmlEscaping.INSTANCE.escape(number.toString()) : number);
                case Boolean flag -> out.append(flag);
                default -> throw Unsupported.INSTANCE;
            }
        }
    }

    /**
     * Answers a path's value as Handlebars finds it: {@code this} is the context's value; any other
     * path is followed from the innermost context out, the first that gives a value winning.
     * Handlebars answers nothing for the path a {@code with} entered (or one inside it) within
     * that {@code with}, whatever it holds; such a render is left to it.
     */
    private static Object lookUp(String[] path, Scope scope) {
        if (path.length == 0) {
            return scope.model();
        }
        for (var at = scope; at != null; at = at.parent()) {
            if (at.enteredBy() != null && startsWith(path, at.enteredBy())) {
                throw Unsupported.INSTANCE;
            }
        }
        for (var at = scope; at != null; at = at.parent()) {
            var value = follow(path, at.model());
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean startsWith(String[] path, String[] prefix) {
        if (prefix.length == 0 || prefix.length > path.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!path[i].equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    private static Object follow(String[] path, Object model) {
        var value = model;
        for (var key : path) {
            value = property(value, key);
            if (value == null) {
                return null;
            }
        }
        return value;
    }

    /**
     * Answers a map's value for a key, or null where it has none. Handlebars would then ask the
     * object's Java methods ({@code isEmpty} for "empty", {@code size}...): where the object has
     * one of that name, the render is left to it.
     */
    private static Object property(Object model, String key) {
        if (model == null) {
            return null;
        }
        if (model instanceof Map<?, ?> map) {
            var value = map.get(key);
            if (value != null) {
                return value;
            }
        }
        if (ACCESSORS.get(model.getClass()).computeIfAbsent(key, name -> hasAccessor(model.getClass(), name))) {
            throw Unsupported.INSTANCE;
        }
        return null;
    }

    /** Whether each class has a public method Handlebars' resolvers would answer a key with, by key. */
    private static final ClassValue<Map<String, Boolean>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private static boolean hasAccessor(Class<?> type, String key) {
        var capitalised = Character.toUpperCase(key.charAt(0)) + key.substring(1);
        for (Method method : type.getMethods()) {
            var name = method.getName();
            if (name.equals(key) || name.equals("get" + capitalised) || name.equals("is" + capitalised)) {
                return true;
            }
        }
        return false;
    }
}
