package dev.kiln.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves the output folder over HTTP for {@code kiln serve}: {@code index.html} for folders, the
 * site's {@code 404.html} for what is missing, content types by file name, and the live-reload
 * script injected into HTML as it is served (never into the files on disk). A request for anything
 * outside the output folder is refused.
 */
final class LiveServer implements AutoCloseable {
    static final String LIVE_SCRIPT_PATH = "/__kiln/live.js";
    static final String EVENTS_PATH = "/__kiln/events";
    private static final String SCRIPT_TAG = "<script src=\"" + LIVE_SCRIPT_PATH + "\"></script>";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Supplier<Path> output;
    private final LiveReload reload;

    private LiveServer(HttpServer server, Supplier<Path> output, LiveReload reload) {
        this.server = server;
        this.output = output;
        this.reload = reload;
    }

    /** Starts serving on {@code host:port} (port 0: any free port). */
    static LiveServer start(String host, int port, Supplier<Path> output, LiveReload reload) throws IOException {
        var server = HttpServer.create(new InetSocketAddress(host, port), 64);
        var live = new LiveServer(server, output, reload);
        server.setExecutor(live.executor);
        server.createContext("/", live::handle);
        server.start();
        return live;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            var rawPath = exchange.getRequestURI().getRawPath();
            switch (rawPath) {
                case LIVE_SCRIPT_PATH -> send(exchange, 200, "text/javascript; charset=utf-8",
                        LiveReload.SCRIPT.getBytes(StandardCharsets.UTF_8));
                case EVENTS_PATH -> events(exchange);
                default -> file(exchange, rawPath);
            }
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        var stream = exchange.getResponseBody();
        reload.connect(stream);
        // Hold the exchange open while the tab listens; the stream is dropped when a write fails.
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(15_000);
                reload.ping();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void file(HttpExchange exchange, String rawPath) throws IOException {
        var relative = SafeRequestPath.of(rawPath);
        if (relative == null) {
            send(exchange, 403, "text/plain; charset=utf-8", "refused: the path leaves the site\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        var folder = output.get();
        if (folder == null) {
            // No build has read the config yet: there is nothing to serve, only problems to show.
            send(exchange, 503, "text/html; charset=utf-8", withLiveScript(
                    "<!DOCTYPE html><title>Build failed</title><body><h1>The site could not be built</h1></body>"
                            .getBytes(StandardCharsets.UTF_8)));
            return;
        }
        var root = folder.toAbsolutePath().normalize();
        var file = relative.isEmpty() ? root : root.resolve(relative).normalize();
        if (Files.isDirectory(file)) {
            if (!rawPath.endsWith("/")) {
                exchange.getResponseHeaders().set("Location", rawPath + "/");
                send(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
                return;
            }
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file) || !insideOutput(root, file)) {
            notFound(exchange, root);
            return;
        }
        var type = ContentTypes.of(file.getFileName().toString());
        var body = Files.readAllBytes(file);
        send(exchange, 200, type, type.startsWith("text/html") ? withLiveScript(body) : body);
    }

    private static boolean insideOutput(Path root, Path file) throws IOException {
        // A link inside the output could lead anywhere: what is served must really lie inside.
        return file.toRealPath().startsWith(root.toRealPath());
    }

    private void notFound(HttpExchange exchange, Path root) throws IOException {
        var page = root.resolve("404.html");
        var body = Files.isRegularFile(page) ? Files.readAllBytes(page)
                : "<!DOCTYPE html><title>Not found</title><h1>404: not found</h1>".getBytes(StandardCharsets.UTF_8);
        send(exchange, 404, "text/html; charset=utf-8", withLiveScript(body));
    }

    static byte[] withLiveScript(byte[] html) {
        var text = new String(html, StandardCharsets.UTF_8);
        int end = text.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        var injected = end < 0 ? text + SCRIPT_TAG : text.substring(0, end) + SCRIPT_TAG + text.substring(end);
        return injected.getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A request path made safe: decoded, and refused if any segment could climb out of the output. */
    static final class SafeRequestPath {
        private SafeRequestPath() {
        }

        /** Answers the path relative to the output folder, or null if it must be refused. */
        static String of(String rawPath) {
            String decoded;
            try {
                decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (decoded.indexOf('\0') >= 0 || decoded.indexOf('\\') >= 0) {
                return null;
            }
            var relative = new StringBuilder();
            for (var segment : decoded.split("/")) {
                if (segment.equals("..")) {
                    return null;
                }
                if (segment.isEmpty() || segment.equals(".")) {
                    continue;
                }
                if (relative.length() > 0) {
                    relative.append('/');
                }
                relative.append(segment);
            }
            return relative.toString();
        }
    }
}
