package dev.kiln.site;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Codec;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.RenderedMarkdown;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps a parsed {@link Page} between builds, so an unchanged content file is not read again. */
enum PageCodec implements Codec<Page> {
    INSTANCE;

    @Override
    public Bytes encode(Page page) {
        return Bytes.written(out -> {
            text(out, page.source());
            out.writeByte(page.kind().ordinal());
            text(out, page.section());
            text(out, page.title());
            text(out, page.date().map(DateTimeFormatter.ISO_ZONED_DATE_TIME::format).orElse(""));
            out.writeBoolean(page.draft());
            value(out, page.tags());
            text(out, page.layout().orElse(""));
            out.writeInt(page.weight());
            text(out, page.description());
            value(out, page.params());
            text(out, page.summary());
            out.writeInt(page.wordCount());
            text(out, page.url());
            text(out, page.output().value());
            out.writeInt(page.aliases().size());
            for (var alias : page.aliases()) {
                text(out, alias.value());
            }
            out.writeInt(page.keyLines().size());
            for (var entry : new java.util.TreeMap<>(page.keyLines()).entrySet()) {
                text(out, entry.getKey());
                out.writeInt(entry.getValue());
            }
            value(out, page.terms());
            value(out, page.anchors());
            out.writeInt(page.links().size());
            for (var link : page.links()) {
                text(out, link.href());
                out.writeInt(link.line());
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public Page decode(Bytes bytes) {
        return bytes.read(in -> {
            var source = text(in);
            var kind = Page.Kind.values()[in.readByte()];
            var section = text(in);
            var title = text(in);
            var date = text(in);
            var draft = in.readBoolean();
            var tags = (List<String>) value(in);
            var layout = text(in);
            var weight = in.readInt();
            var description = text(in);
            var params = (Map<String, Object>) value(in);
            var summary = text(in);
            var wordCount = in.readInt();
            var url = text(in);
            var output = OutputPath.of(text(in));
            int aliasCount = in.readInt();
            var aliases = new ArrayList<OutputPath>(aliasCount);
            for (int i = 0; i < aliasCount; i++) {
                aliases.add(OutputPath.of(text(in)));
            }
            int lines = in.readInt();
            var keyLines = new HashMap<String, Integer>();
            for (int i = 0; i < lines; i++) {
                keyLines.put(text(in), in.readInt());
            }
            var terms = (Map<String, List<String>>) value(in);
            var anchors = (List<String>) value(in);
            int linkCount = in.readInt();
            var links = new ArrayList<RenderedMarkdown.Link>(linkCount);
            for (int i = 0; i < linkCount; i++) {
                links.add(new RenderedMarkdown.Link(text(in), in.readInt()));
            }
            return new Page(source, kind, section, title,
                    date.isEmpty() ? Optional.empty() : Optional.of(ZonedDateTime.parse(date)), draft, tags,
                    layout.isEmpty() ? Optional.empty() : Optional.of(layout), weight, description, params, summary,
                    wordCount, url, output, aliases, keyLines, terms, anchors, links);
        });
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        PlainValues.writeText(out, text);
    }

    private static String text(DataInputStream in) throws IOException {
        return PlainValues.readText(in);
    }

    private static void value(DataOutputStream out, Object value) throws IOException {
        PlainValues.write(out, value);
    }

    private static Object value(DataInputStream in) throws IOException {
        return PlainValues.read(in);
    }
}
