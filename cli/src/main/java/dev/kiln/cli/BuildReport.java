package dev.kiln.cli;

import dev.kiln.handlers.DryRunHandler.PlannedWrite;
import dev.kiln.handlers.MetricsHandler;
import dev.kiln.site.BuildProblem;
import dev.kiln.site.BuildResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Prints what a build did: the dry-run plan, metrics, problems and the one-line summary. */
final class BuildReport {
    private final PrintWriter out;
    private final PrintWriter err;

    BuildReport(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    PrintWriter err() {
        return err;
    }

    /** Prints, for each file built again, why: the reasons its trace gave. */
    void explain(Map<String, List<String>> rebuilt, BuildResult result) {
        rebuilt.forEach((key, reasons) -> {
            int colon = key.indexOf(':');
            var kind = colon < 0 ? "" : key.substring(0, colon);
            if (kind.equals("page") || kind.equals("static") || kind.equals("file")) {
                out.println("rebuilt " + key.substring(colon + 1) + ": " + String.join("; ", reasons));
            }
        });
        for (var removed : result.removed()) {
            out.println("removed " + removed + ": no page or static file produces it any more");
        }
        out.printf(Locale.ROOT, "explain: %d rebuilt, %d up to date, %d removed%n",
                result.written().size(), result.upToDate().size(), result.removed().size());
    }

    void plan(List<PlannedWrite> plan, Path output) {
        for (var write : plan) {
            out.printf(Locale.ROOT, "%-9s %9s  %s%n", write.status().name().toLowerCase(Locale.ROOT),
                    size(write.size()), write.path());
        }
        long added = plan.stream().filter(w -> w.status() == PlannedWrite.Status.NEW).count();
        long changed = plan.stream().filter(w -> w.status() == PlannedWrite.Status.CHANGED).count();
        long same = plan.stream().filter(w -> w.status() == PlannedWrite.Status.UNCHANGED).count();
        long deleted = plan.stream().filter(w -> w.status() == PlannedWrite.Status.DELETE).count();
        out.printf(Locale.ROOT, "dry run: %d files would be written to %s (%d new, %d changed, %d unchanged), %d deleted;"
                + " nothing was written%n", plan.size() - deleted, output, added, changed, same, deleted);
    }

    void metrics(MetricsHandler metrics) {
        out.printf(Locale.ROOT, "%-18s %11s%n", "phase", "wall ms");
        metrics.phases().forEach((phase, nanos) -> out.printf(Locale.ROOT, "%-18s %11.1f%n", phase, nanos / 1e6));
        out.printf(Locale.ROOT, "%-18s %9s %11s %11s%n", "effect", "count", "total ms", "mean µs");
        for (var metric : metrics.metrics()) {
            out.printf(Locale.ROOT, "%-18s %9d %11.1f %11.1f%n", metric.kind(), metric.count(),
                    metric.totalNanos() / 1e6, metric.count() == 0 ? 0.0 : metric.totalNanos() / 1e3 / metric.count());
        }
    }

    void problems(List<BuildProblem> problems) {
        for (var problem : problems) {
            err.println("error: " + problem);
        }
        err.flush();
    }

    void summary(BuildResult result, boolean dryRun, Path output, long nanos) {
        var time = String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        if (!result.succeeded()) {
            err.printf(Locale.ROOT, "build failed: %d problem%s; %d pages, %d files %s in %s%n",
                    result.problems().size(), result.problems().size() == 1 ? "" : "s", result.pages(),
                    result.written().size(), dryRun ? "planned" : "written", time);
        } else if (dryRun) {
            out.printf(Locale.ROOT, "planned %d pages: %d files to write, %d up to date, %d to remove, in %s%n",
                    result.pages(), result.written().size(), result.upToDate().size(), result.removed().size(), time);
        } else {
            out.printf(Locale.ROOT, "built %d pages: %d files written, %d up to date, %d removed, in %s (output: %s)%n",
                    result.pages(), result.written().size(), result.upToDate().size(), result.removed().size(), time, output);
        }
        out.flush();
        err.flush();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
