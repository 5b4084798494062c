package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
}
