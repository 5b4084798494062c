package dev.kiln.site;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Codec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a content page's trace keeps of its context for a later one-page build ({@link BodyEdits}):
 * what the site showed around the page. It is read only when asked for: a build whose page
 * traces hold decodes none of them.
 *
 * @param bytes the record; empty for a page that keeps none (a list page, a later page of a list)
 */
record PageRecord(Bytes bytes) {
    static final PageRecord NONE = new PageRecord(Bytes.of(new byte[0]));

    /** Keeps a content page's surroundings, where they come back exactly. */
    static PageRecord of(TemplateContext.Surroundings around) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("breadcrumbs", around.breadcrumbs());
        fields.put("tree", around.tree());
        fields.put("prev", around.prev());
        fields.put("next", around.next());
        if (!PlainValues.exact(fields)) {
            return NONE;
        }
        return new PageRecord(Bytes.written(out -> PlainValues.write(out, fields)));
    }

    /** Answers the surroundings kept, or nothing where none were. */
    @SuppressWarnings("unchecked")
    Optional<TemplateContext.Surroundings> surroundings() {
        if (bytes.size() == 0) {
            return Optional.empty();
        }
        var fields = (Map<String, Object>) bytes.read(PlainValues::read);
        return Optional.of(new TemplateContext.Surroundings((List<Map<String, Object>>) fields.get("breadcrumbs"),
                (String) fields.get("tree"), (Map<String, Object>) fields.get("prev"), (Map<String, Object>) fields.get("next")));
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
