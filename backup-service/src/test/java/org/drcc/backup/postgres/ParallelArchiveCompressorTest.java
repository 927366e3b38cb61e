package org.drcc.backup.postgres;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParallelArchiveCompressorTest {

    private final ParallelArchiveCompressor compressor = new ParallelArchiveCompressor(Runnable::run, 1, 64 * 1024);

    @Test
    void somethingElseThanACustomFormatArchiveIsRefused() {
        byte[] script = "--\n-- PostgreSQL database dump\n--\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> compressor.compress(new ByteArrayInputStream(script), new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("custom-format archive");
    }

    @Test
    void anEmptyOutputOfPgDumpEndsEarly() {
        assertThatThrownBy(() -> compressor.compress(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()))
                .isInstanceOf(EOFException.class).hasMessageContaining("ends early");
    }

    @Test
    void segmentsSmallerThanDeflatesWindowAreRefused() {
        assertThatThrownBy(() -> new ParallelArchiveCompressor(Runnable::run, 1, 1024))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
