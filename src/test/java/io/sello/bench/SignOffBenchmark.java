package io.sello.bench;

import io.sello.Sello;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.rendering.RenderingProperties;
import io.sello.signing.Keystores;
import io.sello.signing.PdfSigner;
import io.sello.signing.PdfVerifier;
import io.sello.signing.SignatureFields;
import io.sello.signing.Signer;
import io.sello.signing.SigningKey;
import io.sello.signing.VerificationReport;
import io.sello.signing.VerificationStamp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

/** The cost of signing off Formulario N.5.B of seed 000 (docs/benchmarks.md): store preparation, one signature, a verification. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Djava.awt.headless=true", "-Xms1g", "-Xmx1g"})
public class SignOffBenchmark {
    private RenderedDocument form;
    private byte[] stored;
    private byte[] signedThreeTimes;
    private SigningKey key;
    private PdfSigner signer;
    private VerificationStamp stamp;

    @Setup
    public void setUp() throws IOException {
        form = Sello.documentTypes(RenderingProperties.defaults())
                .find("poa-execution-form")
                .orElseThrow()
                .render(
                        Files.readAllBytes(Path.of("examples/poa-execution-form/senavex-2020-julio.json")),
                        RenderOptions.STRICT);
        Path keystore = Files.createTempFile("bench", ".p12");
        Files.delete(keystore);
        Keystores.generateDevelopment(keystore, "bench-secret".toCharArray(), "Bench");
        key = Keystores.load(keystore, "bench-secret".toCharArray(), null);
        signer = new PdfSigner(ZoneId.of("America/La_Paz"));
        stamp = new VerificationStamp();
        stored = prepare();
        byte[] pdf = stored;
        for (SignatureSlot slot : form.signatureSlots()) {
            pdf = signer.sign(pdf, null, new Signer(slot.step(), "Firmante", "Cargo"), key, Instant.now());
        }
        signedThreeTimes = pdf;
    }

    /** Signature fields and the QR stamp on every page: what storing adds to a render. */
    @Benchmark
    public byte[] prepare() {
        return stamp.stamp(
                SignatureFields.add(form.content(), form.signatureSlots()),
                "http://localhost:8080/verify/x",
                "Verificar\nSHA-256 x");
    }

    /** One sign-off: an incremental update with a visible signature and a CMS (RSA-3072). */
    @Benchmark
    public byte[] signOne() {
        return signer.sign(stored, null, new Signer("ELABORADO", "Firmante", "Cargo"), key, Instant.now());
    }

    /** Verifying the three signatures of a fully signed form. */
    @Benchmark
    public VerificationReport verifyThree() {
        return new PdfVerifier().verify(signedThreeTimes);
    }
}
