package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.EffectFailedException;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.RenderMarkdown;
import dev.kiln.effects.RenderedMarkdown;
import dev.kiln.effects.RenderedMarkdown.Heading;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownHandlerTests {
    private final MarkdownHandler markdown = MarkdownHandler.gitHubFlavoured();

    private String html(String text) {
        return markdown.render(text).html();
    }

    @Test
    void markdownNestedTooDeepFailsTheEffectInsteadOfOverflowingTheStack() {
        var lists = new StringBuilder("text\n\n");
        for (int level = 0; level < 400; level++) {
            lists.append("  ".repeat(level)).append("- item\n");
        }
        // Footnotes send the page to flexmark's renderer, which overflowed at such depths.
        lists.append("\nnote[^1]\n\n[^1]: the note\n");
        var stack = HandlerStack.of(markdown);
        var failure = assertThrows(EffectFailedException.class,
                () -> stack.run(() -> perform(new RenderMarkdown(lists.toString()))));
        assertTrue(failure.getMessage().contains("Markdown nested 802 levels deep"), failure.getMessage());
        // Deep but sane nesting still renders, through either renderer.
        assertTrue(html(">".repeat(120) + " deep").contains("deep"));
        assertTrue(html(">".repeat(120) + " deep[^1]\n\n[^1]: n").contains("deep"));
    }

    @Test
    void tablesNeedOnlyOneDashPerColumnAsOnGitHub() {
        var html = html("| a | b |\n|-|-|\n| 1 | 2 |\n");
        assertTrue(html.contains("<table>") && html.contains("<td>2</td>"), html);
    }

    @Test
    void strikethroughTaskListsAutolinksAndFootnotesRender() {
        assertTrue(html("~~gone~~").contains("<del>gone</del>"));
        var tasks = html("- [x] done\n- [ ] open\n");
        assertTrue(tasks.contains("checked"), tasks);
        assertTrue(html("see https://example.org now").contains("<a href=\"https://example.org\">"));
        var footnote = html("Text[^1]\n\n[^1]: The note.\n");
        assertTrue(footnote.contains("footnote") && footnote.contains("The note."), footnote);
    }

    @Test
    void headingsGetStableIdsAndAreListedInOrder() {
        var rendered = markdown.render("# Hello World\n\n## Part *one*\n\n## Part one\n");
        assertTrue(rendered.html().contains("<h1 id=\"hello-world\">Hello World</h1>"), rendered.html());
        assertEquals(List.of(new Heading(1, "Hello World", "hello-world"), new Heading(2, "Part one", "part-one"),
                new Heading(2, "Part one", "part-one-1")), rendered.headings());
    }

    @Test
    void fencedCodeKeepsItsLanguageAsAClass() {
        assertTrue(html("```java\nclass A {}\n```\n").contains("<code class=\"language-java\">"));
    }

    @Test
    void gitHubStyleQuotesWithAMarkerBecomeAdmonitions() {
        var html = html("> [!WARNING]\n> Mind the **gap**.\n\n> plain quote\n");
        assertTrue(html.contains("<div class=\"admonition warning\">\n<p class=\"admonition-title\">Warning</p>\n"
                + "<p>Mind the <strong>gap</strong>.</p>\n</div>"), html);
        assertTrue(html.contains("<blockquote>\n<p>plain quote</p>\n</blockquote>"), html);
        assertTrue(html("> [!UNKNOWN]\n> text\n").contains("<blockquote>"), "only GitHub's five types");
    }

    @Test
    void fencedAdmonitionsTakeAnyTypeATitleAndNestedMarkdown() {
        var rendered = markdown.render("Intro\n\n:::tip Read this\nSee [install](install.md).\n\n```\n:::\n```\n:::\n\nAfter\n");
        var html = rendered.html();
        assertTrue(html.contains("<div class=\"admonition tip\">\n<p class=\"admonition-title\">Read this</p>"), html);
        assertTrue(html.contains("<pre><code>:::\n</code></pre>\n</div>"), "a ::: inside code is code: " + html);
        assertTrue(html.contains("<p>After</p>"), html);
        assertEquals(List.of(new RenderedMarkdown.Link("install.md", 4)), rendered.links(), "lines keep their numbers");
    }

    @Test
    void linksAreListedWithTheirLines() {
        var rendered = markdown.render("Para [a](a.md#x)\n\n- item [b](../b.md) and [c][ref]\n\n[ref]: c.md\n");
        assertEquals(List.of(new RenderedMarkdown.Link("a.md#x", 1), new RenderedMarkdown.Link("../b.md", 3),
                new RenderedMarkdown.Link("c.md", 5)), rendered.links(), "a reference link counts where its address is");
    }
}
