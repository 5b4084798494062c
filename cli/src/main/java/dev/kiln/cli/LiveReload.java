package dev.kiln.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The server-sent events that keep open browser tabs in step with the build: {@code reload} after
 * a build that changed files, {@code problems} (with the text of every problem) after a failed
 * one, {@code ok} when a build succeeds again. A tab that connects while the site is broken is
 * told at once.
 */
final class LiveReload {
    private final List<OutputStream> clients = new CopyOnWriteArrayList<>();
    private volatile String problems = "";

    /** Registers a client's open event stream and tells it the current state. */
    void connect(OutputStream stream) {
        clients.add(stream);
        if (!problems.isEmpty()) {
            send(stream, "problems", problems);
        } else {
            send(stream, "hello", "kiln");
        }
    }

    /** Tells every tab that a build succeeded, and whether it changed anything. */
    void built(boolean changed) {
        boolean wasBroken = !problems.isEmpty();
        problems = "";
        if (changed || wasBroken) {
            broadcast("reload", "built");
        }
    }

    /** Tells every tab that the last build failed, and why. */
    void failed(String text) {
        problems = text;
        broadcast("problems", text);
    }

    /** Sends a comment to every client, so that streams whose tab is gone are noticed and dropped. */
    void ping() {
        for (var client : clients) {
            try {
                client.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                client.flush();
            } catch (IOException e) {
                drop(client);
            }
        }
    }

    int clients() {
        return clients.size();
    }

    private void broadcast(String event, String data) {
        clients.forEach(client -> send(client, event, data));
    }

    private void send(OutputStream client, String event, String data) {
        var message = new StringBuilder("event: ").append(event).append('\n');
        for (var line : data.split("\n", -1)) {
            message.append("data: ").append(line).append('\n');
        }
        message.append('\n');
        try {
            synchronized (client) {
                client.write(message.toString().getBytes(StandardCharsets.UTF_8));
                client.flush();
            }
        } catch (IOException e) {
            drop(client);
        }
    }

    private void drop(OutputStream client) {
        clients.remove(client);
        try {
            client.close();
        } catch (IOException ignored) {
            // The tab is gone; nothing more to tell it.
        }
    }

    /** The script served as {@code /__kiln/live.js}: reloads on {@code reload}, shows problems as an overlay. */
    static final String SCRIPT = """
            (function () {
              var overlay = null;
              function hide() { if (overlay) { overlay.remove(); overlay = null; } }
              function show(text) {
                hide();
                overlay = document.createElement('div');
                overlay.id = 'kiln-problems';
                overlay.setAttribute('role', 'alert');
                overlay.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(20,10,10,.92);'
                  + 'color:#ffd7d0;font:14px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto;white-space:pre-wrap';
                var title = document.createElement('strong');
                title.textContent = 'kiln: the build failed\\n\\n';
                overlay.appendChild(title);
                overlay.appendChild(document.createTextNode(text));
                document.body.appendChild(overlay);
              }
              var events = new EventSource('/__kiln/events');
              events.addEventListener('reload', function () { location.reload(); });
              events.addEventListener('problems', function (e) { show(e.data); });
              events.addEventListener('ok', hide);
            })();
            """;
}
