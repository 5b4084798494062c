package dev.kiln.handlers;

import dev.kiln.effects.Bytes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects the inputs and outputs of one traced computation while it runs, from any thread. */
final class TraceRecorder {
    private final Set<TraceInput> inputs = new LinkedHashSet<>();
    private final List<PageTrace.WrittenOutput> outputs = new ArrayList<>();

    synchronized void input(TraceInput input) {
        inputs.add(input);
    }

    synchronized void output(PageTrace.WrittenOutput output) {
        outputs.add(output);
    }

    /** Takes on what a nested computation depended on and wrote: it is this one's too. */
    synchronized void include(PageTrace nested) {
        inputs.addAll(nested.inputs());
        outputs.addAll(nested.outputs());
    }

    synchronized PageTrace toTrace(String key, Map<String, String> fingerprints, Bytes value) {
        return new PageTrace(key, fingerprints, List.copyOf(inputs), List.copyOf(outputs), value);
    }
}
