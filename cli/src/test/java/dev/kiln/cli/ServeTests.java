package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.site.BuildOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kiln serve over real HTTP on loopback: serving, refusing, rebuilding, reloading, failing. */
class ServeTests {
    @TempDir
    Path temp;

    private Path site;
    private LiveSession session;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void serveTheExample() throws IOException {
        site = temp.resolve("demo");
        CliRun.copySite(Path.of("..", "examples", "demo"), site);
        var request = new SiteBuilder.Request(site, null, BuildOptions.defaults(), 2, false, true, false);
        session = LiveSession.start(request, "127.0.0.1", 0, new BuildReport(new PrintWriter(out, true), new PrintWriter(out, true)));
    }

    @AfterEach
    void stop() throws IOException {
        session.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + session.port() + path)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesAreServedWithTheLiveScriptWhichTheFilesOnDiskNeverHold() throws Exception {
        var page = get("/posts/hello-kiln/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<script src=\"/__kiln/live.js\"></script></body>"), page.body());
        assertFalse(Files.readString(site.resolve("public/posts/hello-kiln/index.html")).contains("__kiln"));
        assertEquals("text/css; charset=utf-8", get("/css/kiln-theme.css").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("image/svg+xml", get("/images/kiln.svg").headers().firstValue("Content-Type").orElseThrow());
        assertTrue(get("/__kiln/live.js").body().contains("EventSource"));
    }

    @Test
    void aFolderWithoutItsSlashIsRedirectedAndAMissingPageIs404() throws Exception {
        var noFollow = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + session.port() + "/posts")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(301, noFollow.statusCode());
        assertEquals("/posts/", noFollow.headers().firstValue("Location").orElseThrow());
        assertEquals(404, get("/no/such/page/").statusCode());
    }

    @Test
    void pathsLeavingTheOutputAreRefused() throws Exception {
        for (var path : new String[] {"/../kiln.yaml", "/%2e%2e/kiln.yaml", "/posts/..%2f..%2fkiln.yaml", "/..%5ckiln.yaml"}) {
            var response = rawGet(path);
            assertTrue(response.startsWith("HTTP/1.1 403"), path + " gave " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains("baseURL"), path);
        }
    }

    /** Sends the path as written: an HTTP client would normalise the dots away. */
    private String rawGet(String path) throws IOException {
        try (var socket = new Socket("127.0.0.1", session.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anEditRebuildsThePageAndTellsOpenTabsToReload() throws Exception {
        var events = listen();
        assertEquals("event: hello", events.poll(10, TimeUnit.SECONDS));
        int before = session.builds();
        Files.writeString(site.resolve("content/about.md"), "---\ntitle: About\n---\nFreshly edited text.\n");
        assertEquals("event: reload", nextEvent(events));
        assertTrue(session.builds() > before);
        assertTrue(get("/about/").body().contains("Freshly edited text."));
    }

    @Test
    void aBodyEditIsOnScreenBeforeTheRestOfTheSiteIsCheckedAndATitleEditReachesTheLists() throws Exception {
        var events = listen();
        assertEquals("event: hello", events.poll(10, TimeUnit.SECONDS));
        var post = site.resolve("content/posts/hello-kiln.md");
        int before = session.builds();
        Files.writeString(post, Files.readString(post) + "\nA paragraph added while serving.\n");
        assertEquals("event: reload", nextEvent(events));
        assertTrue(get("/posts/hello-kiln/").body().contains("A paragraph added while serving."));
        assertTrue(out.toString().contains("updated posts/hello-kiln/index.html in "), out.toString());
        waitForBuildsAfter(before);
        assertTrue(get("/index.json").body().contains("A paragraph added while serving."), "the build that followed wrote the search index");

        Files.writeString(post, Files.readString(post).replace("title: Hello, kiln", "title: Hello again, kiln"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!get("/tags/announcement/").body().contains("Hello again, kiln") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(get("/tags/announcement/").body().contains("Hello again, kiln"), "a title edit reaches the lists");
    }

    private void waitForBuildsAfter(int before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (session.builds() <= before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(session.builds() > before, "no build within 20 s");
    }

    @Test
    void aBrokenPageShowsItsProblemInOpenTabsAndTheServerKeepsServing() throws Exception {
        var events = listen();
        assertEquals("event: hello", events.poll(10, TimeUnit.SECONDS));
        Files.writeString(site.resolve("content/about.md"), "---\ntitle: [broken\n---\nText\n");
        assertEquals("event: problems", nextEvent(events));
        var data = events.poll(5, TimeUnit.SECONDS);
        assertTrue(data.startsWith("data: content/about.md:"), data);
        assertEquals(200, get("/").statusCode());
        assertTrue(out.toString().contains("error: content/about.md:"), out.toString());

        Files.writeString(site.resolve("content/about.md"), "---\ntitle: About\n---\nMended.\n");
        assertEquals("event: reload", nextEvent(events));
        assertTrue(get("/about/").body().contains("Mended."));
    }

    private BlockingQueue<String> listen() {
        var lines = new LinkedBlockingQueue<String>();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + session.port() + LiveServer.EVENTS_PATH)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().filter(line -> !line.isEmpty()).forEach(lines::add));
        return lines;
    }

    private static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("event: ")) {
                return line;
            }
        }
        return "no event within 20 s";
    }
}
