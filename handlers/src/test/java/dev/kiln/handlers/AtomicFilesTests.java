package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTests {
    @TempDir
    Path folder;

    @Test
    void largeWritesReachTheFileInChunksWithEveryByteInPlace() throws IOException {
        var written = new ByteArrayOutputStream();
        var lengths = new ArrayList<Integer>();
        var recording = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                written.write(b);
                lengths.add(1);
            }

            @Override
            public void write(byte[] bytes, int from, int length) {
                written.write(bytes, from, length);
                lengths.add(length);
            }
        };
        var data = new byte[AtomicFiles.CHUNK * 2 + AtomicFiles.CHUNK / 2 + 7];
        new Random(5).nextBytes(data);
        try (var out = new AtomicFiles.InChunks(recording)) {
            out.write(data, 3, data.length - 3);
            out.write(data, 0, 0);
            out.write(data[0]);
        }
        var expected = new ByteArrayOutputStream();
        expected.write(data, 3, data.length - 3);
        expected.write(data[0]);
        assertArrayEquals(expected.toByteArray(), written.toByteArray());
        assertEquals(List.of(AtomicFiles.CHUNK, AtomicFiles.CHUNK, AtomicFiles.CHUNK / 2 + 4, 1), lengths);
        assertThrows(IndexOutOfBoundsException.class, () -> new AtomicFiles.InChunks(recording).write(data, 5, data.length));
    }

    @Test
    void aFileWrittenInChunksHoldsWhatWasWritten() throws IOException {
        var data = new byte[AtomicFiles.CHUNK * 3 + 1];
        new Random(9).nextBytes(data);
        var target = folder.resolve("big.bin");
        AtomicFiles.write(target, out -> out.write(data));
        assertArrayEquals(data, Files.readAllBytes(target));
        try (var left = Files.list(folder)) {
            assertTrue(left.allMatch(target::equals), "no temporary file is left behind");
        }
    }

    @Test
    void aNewFileIsWrittenInPlace() throws IOException {
        var target = folder.resolve("new.html");
        assertTrue(AtomicFiles.writeNew(target, out -> out.write("<p>new</p>".getBytes(StandardCharsets.UTF_8))));
        assertEquals("<p>new</p>", Files.readString(target));
        try (var left = Files.list(folder)) {
            assertEquals(List.of(target), left.toList());
        }
    }

    @Test
    void aFileThatIsThereIsLeftAsItWasForTheAtomicWrite() throws IOException {
        var target = folder.resolve("old.html");
        Files.writeString(target, "old");
        assertFalse(AtomicFiles.writeNew(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8))));
        assertEquals("old", Files.readString(target));
    }

    @Test
    void aNewFileWhoseWriteFailsIsRemoved() throws IOException {
        var target = folder.resolve("broken.html");
        var failure = assertThrows(IOException.class, () -> AtomicFiles.writeNew(target, out -> {
            out.write("half a page".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "nothing is left behind");
        }
    }
}
