package dev.kiln.handlers;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SequenceUtils;
import java.util.Set;

/**
 * Writes the HTML of a parsed document made only of the nodes typical pages are made of
 * (paragraphs, headings, lists, quotes, code blocks, tables, emphasis, code, links, autolinks,
 * reference links, images, entities, HTML) straight
 * into one {@link StringBuilder}: the same characters flexmark's renderer gives with kiln's options,
 * about six times faster. flexmark's renderer builds node renderers for every document, writes
 * through a line-tracking appendable and escapes attributes with regular expressions: it was
 * more than half of flexmark's time in a full build. A document with any other node, or with anything whose
 * layout flexmark's appendable would change (leading blanks at the start of a line), gets no answer
 * here and goes to flexmark's renderer.
 */
final class DirectHtml {
    /** The classes of the nodes written here. */
    private static final Set<Class<?>> WRITTEN = Set.of(Text.class, HtmlEntity.class, TextBase.class, Paragraph.class,
            Code.class, Link.class, AutoLink.class, MailLink.class, LinkRef.class, Reference.class, HtmlInline.class,
            HtmlInlineComment.class, HtmlBlock.class, HtmlCommentBlock.class, Emphasis.class, StrongEmphasis.class, Heading.class, BulletListItem.class,
            OrderedListItem.class, FencedCodeBlock.class, IndentedCodeBlock.class, BlockQuote.class, BulletList.class,
            OrderedList.class, Image.class, SoftLineBreak.class, HardLineBreak.class, ThematicBreak.class,
            Strikethrough.class, TableBlock.class, TableHead.class, TableBody.class, TableSeparator.class,
            TableRow.class, TableCell.class);

    private final StringBuilder out;
    private final Document document;
    private final ListOptions listOptions;

    private DirectHtml(Document document, int capacity) {
        this.out = new StringBuilder(capacity);
        this.document = document;
        this.listOptions = ListOptions.get(document);
    }

    /**
     * Answers the HTML of the document, after giving its headings their ids as flexmark's renderer
     * does; {@code null} when it holds a node this class does not write.
     */
    static String render(Document document) {
        // The ids flexmark's renderer would give; it gives the same ones again if it renders after all.
        new HeaderIdGenerator().generateIds(document);
        var html = new DirectHtml(document, document.getTextLength() + document.getTextLength() / 2 + 64);
        try {
            html.children(document);
        } catch (Unsupported e) {
            return null;
        }
        return html.out.toString();
    }

    private void children(Node parent) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNext()) {
            node(node);
        }
    }

    private void node(Node node) {
        // flexmark picks a node's renderer by its exact class, so a subclass of a node written
        // here (an extension's) may be rendered otherwise.
        if (!WRITTEN.contains(node.getClass())) {
            throw Unsupported.INSTANCE;
        }
        switch (node) {
            case Text text -> text(TextRenderer.html(text.getChars()));
            case HtmlEntity entity -> text(TextRenderer.html(entity.getChars()));
            case TextBase text -> children(text);
            case AutoLink link -> autolink(link);
            case MailLink link -> mailLink(link);
            case LinkRef link -> linkRef(link);
            case Reference ignored -> {
            }
            case HtmlInline html -> inlineHtml(html.getChars());
            case HtmlInlineComment html -> inlineHtml(html.getChars());
            case HtmlBlock html -> {
                line();
                htmlBlock(html.getContentChars(), html.hasChildren());
                line();
            }
            // flexmark starts no new line for a comment block.
            case HtmlCommentBlock html -> htmlBlock(html.getChars(), html.hasChildren());
            case IndentedCodeBlock code -> code(null, code.getContentChars().trimTailBlankLines().normalizeEndWithEOL());
            case Paragraph paragraph -> paragraph(paragraph);
            case Code code -> inline("code", () -> text(TextRenderer.escaped(Escaping.collapseWhitespace(code.getText(), true))));
            case Link link -> anchor(link.getUrl(), link.getTitle(), link);
            case Emphasis emphasis -> inline("em", () -> children(emphasis));
            case StrongEmphasis strong -> inline("strong", () -> children(strong));
            case Heading heading -> heading(heading);
            case BulletListItem item -> listItem(item);
            case OrderedListItem item -> listItem(item);
            case FencedCodeBlock code -> fencedCode(code);
            case BlockQuote quote -> block("blockquote", quote);
            case BulletList list -> block("ul", list);
            case OrderedList list -> orderedList(list);
            case Image image -> image(image);
            case SoftLineBreak ignored -> lineBreak("\n");
            case HardLineBreak ignored -> lineBreak("<br />\n");
            case ThematicBreak ignored -> {
                line();
                out.append("<hr />");
                line();
            }
            case Strikethrough strikethrough -> inline("del", () -> children(strikethrough));
            case TableBlock table -> block("table", table);
            case TableHead head -> onItsLine("thead", head);
            case TableBody body -> onItsLine("tbody", body);
            case TableSeparator ignored -> {
            }
            case TableRow row -> onItsLine("tr", row);
            case TableCell cell -> cell(cell);
            default -> throw Unsupported.INSTANCE;
        }
    }

    /** Ends the current line unless it is empty, as flexmark's appendable does before and after a block. */
    private void line() {
        int length = out.length();
        if (length > 0 && out.charAt(length - 1) != '\n') {
            out.append('\n');
        }
    }

    private boolean atLineStart() {
        return out.isEmpty() || out.charAt(out.length() - 1) == '\n';
    }

    /** Appends text already made HTML, outside preformatted blocks. */
    private void text(String html) {
        if (html.isEmpty()) {
            return;
        }
        // flexmark's appendable would trim blanks starting a line and split text at line ends.
        char first = html.charAt(0);
        if ((first == ' ' || first == '\t') && atLineStart() || html.indexOf('\n') >= 0) {
            throw Unsupported.INSTANCE;
        }
        out.append(html);
    }

    private void lineBreak(String html) {
        int length = out.length();
        // Blanks before a line end would be left to flexmark's appendable.
        if (length > 0 && (out.charAt(length - 1) == ' ' || out.charAt(length - 1) == '\t')) {
            throw Unsupported.INSTANCE;
        }
        out.append(html);
    }

    private void inline(String tag, Runnable content) {
        out.append('<').append(tag).append('>');
        content.run();
        out.append("</").append(tag).append('>');
    }

    /** A block whose children go on lines of their own between its tags. */
    private void block(String tag, Node node) {
        block(tag, tag, node);
    }

    /** A block opened with {@code opening} (its tag and attributes) and closed with {@code tag}. */
    private void block(String opening, String tag, Node node) {
        line();
        out.append('<').append(opening).append('>');
        line();
        children(node);
        line();
        out.append("</").append(tag).append('>');
        line();
    }

    private void orderedList(OrderedList list) {
        int start = list.getStartNumber();
        block(start == 1 || !listOptions.isOrderedListManualStart() ? "ol" : "ol start=\"" + start + "\"", "ol", list);
    }

    /** An element on a line of its own, its children inside it on the same line. */
    private void onItsLine(String tag, Node node) {
        line();
        inline(tag, () -> children(node));
        line();
    }

    private void cell(TableCell cell) {
        var tag = cell.isHeader() ? "th" : "td";
        out.append('<').append(tag);
        if (cell.getSpan() > 1) {
            throw Unsupported.INSTANCE;
        }
        if (cell.getAlignment() != null) {
            out.append(" align=\"").append(switch (cell.getAlignment()) {
                case LEFT -> "left";
                case CENTER -> "center";
                case RIGHT -> "right";
            }).append('"');
        }
        out.append('>');
        children(cell);
        out.append("</").append(tag).append('>');
    }

    private void paragraph(Paragraph paragraph) {
        if (!paragraph.hasChildren()) {
            return;
        }
        if (paragraph.getParent() instanceof ListItem item
                && item.isParagraphWrappingDisabled(paragraph, listOptions, document)) {
            children(paragraph);
            return;
        }
        onItsLine("p", paragraph);
    }

    private void heading(Heading heading) {
        line();
        out.append("<h").append(heading.getLevel());
        var id = heading.getAnchorRefId();
        // flexmark leaves out an empty id.
        if (id != null && !id.isEmpty()) {
            out.append(" id=\"").append(AttributeValues.escaped(id)).append('"');
        }
        out.append('>');
        children(heading);
        out.append("</h").append(heading.getLevel()).append('>');
        line();
    }

    private void listItem(ListItem item) {
        if (!item.getMarkerSuffix().isEmpty()) {
            throw Unsupported.INSTANCE;
        }
        onItsLine("li", item);
    }

    private void fencedCode(FencedCodeBlock code) {
        BasedSequence info = code.getInfo();
        var language = info.isNotNull() && !info.isBlank()
                ? code.getInfoDelimitedByAny(SequenceUtils.SPACE_TAB_SET).unescape() : null;
        code(language, code.getContentChars().normalizeEOL());
    }

    /** A code block: its language (a class) if it names one, its text escaped as it is. */
    private void code(String language, String text) {
        line();
        out.append("<pre><code");
        if (language != null) {
            out.append(" class=\"language-").append(AttributeValues.escaped(language)).append('"');
        }
        out.append('>').append(TextRenderer.escaped(text)).append("</code></pre>");
        line();
    }

    /** A bare address made a link: {@code www.} ones get {@code http://}, as flexmark's renderer does. */
    private void autolink(AutoLink link) {
        var text = TextRenderer.string(link.getText());
        out.append("<a href=\"").append(AttributeValues.escaped(text.startsWith("www.") ? "http://" + text : text)).append("\">")
                .append(TextRenderer.escaped(text)).append("</a>");
    }

    private void mailLink(MailLink link) {
        var text = TextRenderer.unescaped(link.getText());
        out.append("<a href=\"").append(AttributeValues.escaped("mailto:" + text)).append("\">").append(TextRenderer.escaped(text)).append("</a>");
    }

    /** A reference link ({@code [text][id]}) whose reference is defined; flexmark writes the others. */
    private void linkRef(LinkRef link) {
        var reference = link.isDefined() ? link.getReferenceNode(document) : null;
        if (reference == null) {
            throw Unsupported.INSTANCE;
        }
        anchor(reference.getUrl(), reference.getTitle(), link);
    }

    /** An HTML block's text, as it is (blank lines and indents kept, as flexmark's preformatted output keeps them). */
    private void htmlBlock(BasedSequence html, boolean hasInnerBlocks) {
        var text = TextRenderer.string(html);
        // Inner blocks and a leading line end are handled by flexmark's appendable in ways of its own.
        if (hasInnerBlocks || text.startsWith("\n") || text.indexOf('\r') >= 0) {
            throw Unsupported.INSTANCE;
        }
        out.append(text);
    }

    /** HTML written in a paragraph, as it is; over more than one line it is left to flexmark's appendable. */
    private void inlineHtml(BasedSequence html) {
        var text = TextRenderer.string(html);
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw Unsupported.INSTANCE;
        }
        out.append(text);
    }

    /** A link to the address written as {@code url}, with its title if it has one, around the node's children. */
    private void anchor(BasedSequence url, BasedSequence title, Node content) {
        out.append("<a href=\"").append(AttributeValues.escaped(TextRenderer.unescaped(url))).append('"');
        title(title);
        out.append('>');
        children(content);
        out.append("</a>");
    }

    private void image(Image image) {
        if (!image.getUrlContent().isEmpty()) {
            throw Unsupported.INSTANCE;
        }
        out.append("<img src=\"").append(AttributeValues.escaped(TextRenderer.unescaped(image.getUrl())))
                .append("\" alt=\"").append(AttributeValues.escaped(new TextCollectingVisitor().collectAndGetText(image))).append('"');
        title(image.getTitle());
        out.append(" />");
    }

    private void title(BasedSequence title) {
        if (title.isNotNull()) {
            out.append(" title=\"").append(AttributeValues.escaped(TextRenderer.unescaped(title))).append('"');
        }
    }
}
