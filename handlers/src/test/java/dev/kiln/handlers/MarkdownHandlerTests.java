package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.effects.RenderedMarkdown.Heading;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownHandlerTests {
    private final MarkdownHandler markdown = MarkdownHandler.gitHubFlavoured();

    private String html(String text) {
        return markdown.render(text).html();
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
}
