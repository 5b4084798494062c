package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTests {
    @TempDir
    Path temp;

    @Test
    void aNewSiteBuildsAsItIs() {
        var site = temp.resolve("my-blog");
        var created = CliRun.of("new", "site", site.toString());
        assertEquals(0, created.exitCode(), created.err());
        var build = CliRun.of("build", site.toString());
        assertEquals(0, build.exitCode(), build.err());
        assertTrue(Files.exists(site.resolve("public/posts/hello-world/index.html")));
        assertTrue(Files.exists(site.resolve("public/index.html")));
    }

    @Test
    void aNewSiteIsNotMadeOverAnything() throws IOException {
        Files.writeString(temp.resolve("notes.txt"), "mine");
        var run = CliRun.of("new", "site", temp.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("is not an empty folder"), run.err());
    }

    @Test
    void aNewPageIsADraftWithFrontMatterAndBuildsWithDrafts() throws IOException {
        var site = newSite();
        var run = CliRun.of("new", "page", "posts/second-thoughts", "--site", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        var text = Files.readString(site.resolve("content/posts/second-thoughts.md"));
        assertTrue(text.startsWith("---\ntitle: Second thoughts\ndate: "), text);
        assertTrue(text.contains("draft: true"), text);
        assertEquals(0, CliRun.of("build", site.toString(), "--drafts").exitCode());
        assertTrue(Files.exists(site.resolve("public/posts/second-thoughts/index.html")));
    }

    @Test
    void aNewPageNeverReplacesOneNorLeavesContent() {
        var site = newSite();
        var again = CliRun.of("new", "page", "posts/hello-world.md", "--site", site.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
        var escape = CliRun.of("new", "page", "../../outside", "--site", site.toString());
        assertEquals(2, escape.exitCode());
        assertTrue(!Files.exists(temp.resolve("outside.md")));
    }

    @Test
    void aNameThatIsNoAddressTitlesAPageUnderOneThatIs() throws IOException {
        var site = newSite();
        var run = CliRun.of("new", "page", "posts/Why: a \"story\"", "--site", site.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("created content/posts/why-a-story.md"), run.out());
        var text = Files.readString(site.resolve("content/posts/why-a-story.md"));
        assertTrue(text.startsWith("---\ntitle: \"Why: a \\\"story\\\"\"\ndate: "), text);
        var build = CliRun.of("build", site.toString(), "--drafts");
        assertEquals(0, build.exitCode(), build.err());
        var html = Files.readString(site.resolve("public/posts/why-a-story/index.html"));
        assertTrue(html.contains("Why: a &quot;story&quot;"), html);
        var nothing = CliRun.of("new", "page", "posts/!!!", "--site", site.toString());
        assertEquals(2, nothing.exitCode());
        assertTrue(nothing.err().contains("cannot make a page's address of '!!!'"), nothing.err());
    }

    private Path newSite() {
        var site = temp.resolve("site");
        var created = CliRun.of("new", "site", site.toString());
        assertEquals(0, created.exitCode(), created.err());
        return site;
    }
}
