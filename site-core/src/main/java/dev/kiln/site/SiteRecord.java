package dev.kiln.site;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Codec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the whole build's trace keeps: its result, and what the site showed every page
 * ({@link TemplateContext.SiteParts}) for a later one-page build. The parts are read only when
 * asked for: a no-op build reads none of them.
 *
 * @param result the build's result
 * @param parts the site's parts; empty where none are kept (a build with problems, or values that
 *     would not come back exactly)
 */
record SiteRecord(BuildResult result, Bytes parts) {

    /** Keeps a build's result and the parts of its site, where they come back exactly. */
    static SiteRecord of(BuildResult result, TemplateContext.SiteParts parts) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("fields", parts.siteFields());
        fields.put("menu", parts.menu().stream().map(entry -> List.of(entry.title(), entry.url())).toList());
        fields.put("trees", parts.trees());
        if (!result.problems().isEmpty() || !PlainValues.exact(fields)) {
            return withoutParts(result);
        }
        return new SiteRecord(result, Bytes.written(out -> PlainValues.write(out, fields)));
    }

    static SiteRecord withoutParts(BuildResult result) {
        return new SiteRecord(result, Bytes.of(new byte[0]));
    }

    /** Answers the site's parts, or nothing where none were kept. */
    @SuppressWarnings("unchecked")
    Optional<TemplateContext.SiteParts> siteParts() {
        if (parts.size() == 0) {
            return Optional.empty();
        }
        var fields = (Map<String, Object>) parts.read(PlainValues::read);
        var menu = new ArrayList<MenuEntry>();
        for (var entry : (List<List<String>>) fields.get("menu")) {
            menu.add(new MenuEntry(entry.get(0), entry.get(1)));
        }
        return Optional.of(new TemplateContext.SiteParts((Map<String, Object>) fields.get("fields"), List.copyOf(menu),
                (Map<String, Map<String, Object>>) fields.get("trees")));
    }

    /** Keeps a record: the result as {@link BuildResultCodec} does, then the parts' bytes as they are. */
    enum RecordCodec implements Codec<SiteRecord> {
        INSTANCE;

        @Override
        public Bytes encode(SiteRecord record) {
            var result = BuildResultCodec.INSTANCE.encode(record.result());
            return Bytes.written(out -> {
                out.writeInt(result.size());
                result.writeTo(out);
                out.writeInt(record.parts().size());
                record.parts().writeTo(out);
            });
        }

        @Override
        public SiteRecord decode(Bytes bytes) {
            return bytes.read(in -> {
                var result = new byte[in.readInt()];
                in.readFully(result);
                var parts = new byte[in.readInt()];
                in.readFully(parts);
                return new SiteRecord(BuildResultCodec.INSTANCE.decode(Bytes.wrap(result)), Bytes.wrap(parts));
            });
        }
    }
}
