package dev.kiln.handlers;

import static dev.kiln.effects.Effects.perform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.effects.Bytes;
import dev.kiln.effects.CopyFile;
import dev.kiln.effects.HandlerStack;
import dev.kiln.effects.OutputPath;
import dev.kiln.effects.SitePath;
import dev.kiln.effects.SpliceOutputFile;
import dev.kiln.effects.StatOutputFile;
import dev.kiln.effects.WriteFile;
import dev.kiln.handlers.DryRunHandler.PlannedWrite;
import dev.kiln.handlers.DryRunHandler.PlannedWrite.Status;
import dev.kiln.testing.InMemoryFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

class DryRunHandlerTests {

    @Test
    void writesAndCopiesArePlannedAgainstThePreviousOutputAndNothingIsWritten() {
        var files = InMemoryFiles.empty().put("static/a.css", "a{}")
                .putOutput("same.html", "same").putOutput("changed.html", "old");
        var dryRun = DryRunHandler.create();
        var stack = HandlerStack.of(dryRun, files);
        stack.run(() -> {
            perform(new WriteFile(OutputPath.of("same.html"), Bytes.utf8("same")));
            perform(new WriteFile(OutputPath.of("changed.html"), Bytes.utf8("new!")));
            perform(new WriteFile(OutputPath.of("new.html"), Bytes.utf8("n")));
            perform(new CopyFile(SitePath.of("static/a.css"), OutputPath.of("a.css")));
        });
        assertEquals(List.of(
                new PlannedWrite(OutputPath.of("a.css"), 3, Bytes.utf8("a{}").sha256(), Status.NEW),
                new PlannedWrite(OutputPath.of("changed.html"), 4, Bytes.utf8("new!").sha256(), Status.CHANGED),
                new PlannedWrite(OutputPath.of("new.html"), 1, Bytes.utf8("n").sha256(), Status.NEW),
                new PlannedWrite(OutputPath.of("same.html"), 4, Bytes.utf8("same").sha256(), Status.UNCHANGED)),
                dryRun.plan());
        assertEquals(List.of("changed.html", "same.html"), List.copyOf(files.output().keySet()));
        assertEquals("old", files.outputText("changed.html"));
    }

    @Test
    void aWriteWhoseStampVouchesForTheFileIsPlannedUnchangedWithoutReadingIt() {
        var files = InMemoryFiles.empty().putOutput("a.html", "old").putOutput("b.html", "old");
        var stampOfA = HandlerStack.of(files).run(() -> perform(new StatOutputFile(OutputPath.of("a.html")))).orElseThrow();
        var dryRun = DryRunHandler.create();
        HandlerStack.of(dryRun, files).run(() -> {
            // Other bytes show that the file was not read: its stamp was trusted.
            perform(new WriteFile(OutputPath.of("a.html"), Bytes.utf8("new")).vouchedBy(stampOfA));
            perform(new WriteFile(OutputPath.of("b.html"), Bytes.utf8("new")).vouchedBy(stampOfA));
        });
        assertEquals(List.of(
                new PlannedWrite(OutputPath.of("a.html"), 3, Bytes.utf8("new").sha256(), Status.UNCHANGED),
                new PlannedWrite(OutputPath.of("b.html"), 3, Bytes.utf8("new").sha256(), Status.CHANGED)), dryRun.plan());
        assertEquals("old", files.outputText("a.html"));
    }

    @Test
    void aSpliceIsPlannedAsTheWriteOfWhatItWouldLeaveAndNothingIsWritten() {
        var files = InMemoryFiles.empty().putOutput("index.json", "[one,two]");
        var dryRun = DryRunHandler.create();
        var splice = new SpliceOutputFile(OutputPath.of("index.json"),
                List.of(new SpliceOutputFile.Part(5, 8, Bytes.utf8("tw"), Bytes.utf8("2"))));
        var hash = HandlerStack.of(dryRun, files).run(() -> perform(splice));
        assertEquals(Bytes.utf8("[one,2]").sha256(), hash);
        assertEquals(List.of(new PlannedWrite(OutputPath.of("index.json"), 7, hash, Status.CHANGED)), dryRun.plan());
        assertEquals("[one,two]", files.outputText("index.json"));
    }
}
