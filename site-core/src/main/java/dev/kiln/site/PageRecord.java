package dev.kiln.site;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Codec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a content page's trace keeps of its context for a later one-page build ({@link BodyEdits}):
 * what the site showed around the page and how its links were rewritten. It is read only when
 * asked for: a build whose page traces hold decodes none of them.
 *
 * @param bytes the record; empty for a page that keeps none (a list page, a later page of a list)
 */
record PageRecord(Bytes bytes) {
    static final PageRecord NONE = new PageRecord(Bytes.of(new byte[0]));

    /** Keeps a content page's surroundings and link rewrites, where they come back exactly. */
    static PageRecord of(TemplateContext.Surroundings around, Map<String, String> rewrites) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("breadcrumbs", around.breadcrumbs());
        fields.put("tree", around.tree());
        fields.put("prev", around.prev());
        fields.put("next", around.next());
        fields.put("rewrites", rewrites);
        if (!PlainValues.exact(fields)) {
            return NONE;
        }
        return new PageRecord(Bytes.written(out -> PlainValues.write(out, fields)));
    }

    /** Answers the surroundings and link rewrites kept, or nothing where none were. */
    @SuppressWarnings("unchecked")
    Optional<Kept> kept() {
        if (bytes.size() == 0) {
            return Optional.empty();
        }
        var fields = (Map<String, Object>) bytes.read(PlainValues::read);
        return Optional.of(new Kept(new TemplateContext.Surroundings(
                (List<Map<String, Object>>) fields.get("breadcrumbs"), (String) fields.get("tree"),
                (Map<String, Object>) fields.get("prev"), (Map<String, Object>) fields.get("next")),
                (Map<String, String>) fields.get("rewrites")));
    }

    /**
     * A page's kept surroundings and link rewrites.
     *
     * @param surroundings what its context showed of the pages around it
     * @param rewrites each link's destination as written to the URL it became
     */
    record Kept(TemplateContext.Surroundings surroundings, Map<String, String> rewrites) {
    }

    /** Keeps a record as its bytes; decoding only wraps them. */
    enum RecordCodec implements Codec<PageRecord> {
        INSTANCE;

        @Override
        public Bytes encode(PageRecord record) {
            return record.bytes();
        }

        @Override
        public PageRecord decode(Bytes bytes) {
            return new PageRecord(bytes);
        }
    }
}
