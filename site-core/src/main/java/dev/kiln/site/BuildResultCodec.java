package dev.kiln.site;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.Codec;
import dev.kiln.effects.OutputPath;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what a whole build produced, for a later build with nothing changed: the pages, every
 * output (all of them up to date next time) and the problems, which a build with the same inputs
 * meets again and so reports again.
 */
enum BuildResultCodec implements Codec<BuildResult> {
    INSTANCE;

    @Override
    public Bytes encode(BuildResult result) {
        return Bytes.written(out -> {
            out.writeInt(result.pages());
            var outputs = new ArrayList<OutputPath>(result.written());
            outputs.addAll(result.upToDate());
            outputs.sort(null);
            out.writeInt(outputs.size());
            for (var output : outputs) {
                out.writeUTF(output.value());
            }
            out.writeInt(result.problems().size());
            for (var problem : result.problems()) {
                out.writeUTF(problem.file());
                out.writeInt(problem.line());
                out.writeUTF(problem.message());
            }
        });
    }

    @Override
    public BuildResult decode(Bytes bytes) {
        return bytes.read(in -> {
            int pages = in.readInt();
            int outputCount = in.readInt();
            var outputs = new ArrayList<OutputPath>(outputCount);
            for (int i = 0; i < outputCount; i++) {
                outputs.add(OutputPath.of(in.readUTF()));
            }
            int problemCount = in.readInt();
            var problems = new ArrayList<BuildProblem>(problemCount);
            for (int i = 0; i < problemCount; i++) {
                problems.add(new BuildProblem(in.readUTF(), in.readInt(), in.readUTF()));
            }
            return new BuildResult(pages, List.of(), outputs, List.of(), problems);
        });
    }
}
