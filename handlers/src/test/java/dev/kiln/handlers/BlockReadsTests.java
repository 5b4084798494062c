package dev.kiln.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockReadsTests {
    @TempDir
    Path folder;

    @Test
    void aFileReadABlockAtATimeIsReadWhole() throws IOException {
        var random = new Random(11);
        for (int size : new int[] {0, 1, BlockReads.BLOCK - 1, BlockReads.BLOCK, BlockReads.BLOCK * 2 + 3}) {
            var data = new byte[size];
            random.nextBytes(data);
            var file = Files.write(folder.resolve("f" + size), data);
            assertArrayEquals(data, BlockReads.readAll(file), "size " + size);
        }
    }

    @Test
    void aRangeEndsWhereTheFileDoes() throws IOException {
        var data = new byte[BlockReads.BLOCK + 100];
        new Random(12).nextBytes(data);
        var file = Files.write(folder.resolve("f"), data);
        assertArrayEquals(Arrays.copyOfRange(data, 50, 50 + BlockReads.BLOCK), BlockReads.read(file, 50, BlockReads.BLOCK));
        assertArrayEquals(Arrays.copyOfRange(data, 90, data.length), BlockReads.read(file, 90, data.length));
        assertArrayEquals(new byte[0], BlockReads.read(file, data.length + 5, 10));
        assertThrows(NoSuchFileException.class, () -> BlockReads.readAll(folder.resolve("missing")));
    }
}
