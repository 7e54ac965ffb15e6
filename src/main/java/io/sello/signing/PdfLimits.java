package io.sello.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code sello.limits.pdf.*}: how much of an uploaded PDF the verifier agrees to look at (issue 14).
 * Each limit is checked on the raw bytes before OpenPDF builds anything from them, so a file over one
 * costs one linear scan; it is answered 422 {@code /problems/pdf-over-limit} naming the key.
 *
 * @param maxSignatureFields  signature fields ({@code /FT /Sig}); each one costs a pass over the file
 * @param maxRevisions        incremental updates ({@code %%EOF} markers)
 * @param maxObjects          indirect objects, counted and as declared by {@code /Size} (the parser sizes its table from it)
 * @param maxDepth            arrays and dictionaries nested in one another (the parser recurses once per level)
 * @param maxStreamSize       bytes one stream may inflate to
 * @param maxDecompressedSize bytes all streams of the file together may inflate to
 * @param anonymousPerMinute  verifications one client address may ask for per minute without signing in (429 beyond)
 */
@ConfigurationProperties("sello.limits.pdf")
public record PdfLimits(
        Integer maxSignatureFields,
        Integer maxRevisions,
        Integer maxObjects,
        Integer maxDepth,
        DataSize maxStreamSize,
        DataSize maxDecompressedSize,
        Integer anonymousPerMinute) {
    public static final PdfLimits DEFAULTS = new PdfLimits(null, null, null, null, null, null, null);

    public PdfLimits {
        maxSignatureFields = atLeastOne("max-signature-fields", maxSignatureFields, 100);
        maxRevisions = atLeastOne("max-revisions", maxRevisions, 100);
        maxObjects = atLeastOne("max-objects", maxObjects, 200_000);
        maxDepth = atLeastOne("max-depth", maxDepth, 64);
        maxStreamSize = maxStreamSize == null ? DataSize.ofMegabytes(64) : maxStreamSize;
        maxDecompressedSize = maxDecompressedSize == null ? DataSize.ofMegabytes(256) : maxDecompressedSize;
        anonymousPerMinute = atLeastOne("anonymous-per-minute", anonymousPerMinute, 30);
        if (maxStreamSize.toBytes() < 1024) {
            throw new IllegalArgumentException(
                    "sello.limits.pdf.max-stream-size must be at least 1KB but is " + maxStreamSize);
        }
        if (maxDecompressedSize.toBytes() < maxStreamSize.toBytes()) {
            throw new IllegalArgumentException(
                    "sello.limits.pdf.max-decompressed-size must be at least max-stream-size (" + maxStreamSize
                            + ") but is " + maxDecompressedSize);
        }
    }

    private static int atLeastOne(String key, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("sello.limits.pdf." + key + " must be at least 1 but is " + value);
        }
        return value;
    }
}
