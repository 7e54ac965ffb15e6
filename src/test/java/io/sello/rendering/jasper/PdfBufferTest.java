package io.sello.rendering.jasper;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PdfBufferTest {

    /** Writes of every shape, across the small array's growth and several 256 KB chunk borders, come back in order. */
    @Test
    void givesBackExactlyWhatWasWritten() {
        Random random = new Random(7);
        PdfBuffer buffer = new PdfBuffer();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        while (expected.size() < 1_300_000) {
            if (random.nextInt(4) == 0) {
                int b = random.nextInt(256);
                buffer.write(b);
                expected.write(b);
            } else {
                byte[] bytes = new byte[random.nextInt(random.nextBoolean() ? 100 : 300_000)];
                random.nextBytes(bytes);
                int offset = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
                buffer.write(bytes, offset, bytes.length - offset);
                expected.write(bytes, offset, bytes.length - offset);
            }
        }
        assertThat(buffer.size()).isEqualTo(expected.size());
        assertThat(buffer.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void anEmptyBufferIsAnEmptyArray() {
        assertThat(new PdfBuffer().toByteArray()).isEmpty();
    }
}
