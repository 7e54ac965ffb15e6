package io.sello.web;

import io.sello.support.Fixtures;
import io.sello.support.OwnSoftwareSigner;
import io.sello.support.Processes;
import io.sello.support.SlowTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationSquare;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sign-off made with the official's own software (issue 16 §1): ana downloads the prepared file, signs the
 * ELABORADO field with PDFBox and her registered certificate, and uploads it. Each way of sending something else
 * (another person's certificate, another step's field, a changed figure, an added overlay, two revisions, bytes
 * after the signature, a different earlier file) is refused with its fault, and the registry stays as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SlowTest
class SignOffUploadTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OwnSoftwareSigner ANA = OwnSoftwareSigner.generate("Ana Pérez");
    private static final OwnSoftwareSigner INTRUDER = OwnSoftwareSigner.generate("Ana Pérez");
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private String id;

    @DynamicPropertySource
    static void anasCertificate(DynamicPropertyRegistry registry) {
        Path pem = ANA.writePem(Path.of(
                "target",
                "test-data",
                "upload-sign-off",
                "ana-" + ProcessHandle.current().pid() + ".pem"));
        registry.add("sello.signing.certificates.ana", pem::toString);
    }

    @BeforeAll
    void store() throws Exception {
        HttpResponse<byte[]> stored = send(
                "POST",
                "/api/v1/documents/poa-execution-form?store=true",
                Fixtures.seedExample(),
                "application/json",
                "ana",
                "ana-dev");
        assertThat(stored.statusCode()).isEqualTo(201);
        id = JSON.readTree(stored.body()).get("id").stringValue();
    }

    private HttpResponse<byte[]> send(
            String method, String path, byte[] body, String type, String user, String password) throws Exception {
        return HttpApiTest.send(client, port, method, path, body, type, user, password);
    }

    private byte[] prepared() throws Exception {
        HttpResponse<byte[]> response = send(
                "GET", "/api/v1/documents/" + id + "/sign-offs/ELABORADO/prepared.pdf", null, null, "ana", "ana-dev");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<byte[]> upload(byte[] pdf) throws Exception {
        return send(
                "POST", "/api/v1/documents/" + id + "/sign-offs/ELABORADO", pdf, "application/pdf", "ana", "ana-dev");
    }

    private JsonNode document() throws Exception {
        return JSON.readTree(send("GET", "/api/v1/documents/" + id, null, null, "ana", "ana-dev")
                .body());
    }

    /** The upload is refused with this fault, and the document is as it was: same file, no sign-off. */
    private void refused(byte[] pdf, String fault, String detail) throws Exception {
        JsonNode before = document();
        HttpResponse<byte[]> response = upload(pdf);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(response.statusCode()).as(problem.toString()).isEqualTo(422);
        assertThat(problem.get("type").stringValue()).isEqualTo("/problems/sign-off-upload-refused");
        assertThat(problem.get("fault").stringValue()).isEqualTo(fault);
        assertThat(problem.get("detail").stringValue()).contains(detail);
        JsonNode after = document();
        assertThat(after.get("sha256")).isEqualTo(before.get("sha256"));
        assertThat(after.get("status").stringValue()).isEqualTo("STORED");
    }

    @Test
    @Order(1)
    void thePreparedFileIsTheRegistrysCurrentOneAndOnlyForTheNextStepsSigner() throws Exception {
        byte[] current = send("GET", "/api/v1/documents/" + id + "/pdf", null, null, "ana", "ana-dev")
                .body();
        HttpResponse<byte[]> response = send(
                "GET", "/api/v1/documents/" + id + "/sign-offs/ELABORADO/prepared.pdf", null, null, "ana", "ana-dev");
        assertThat(response.body()).isEqualTo(current);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("-elaborado-para-firmar.pdf"));
        assertThat(send(
                                "GET",
                                "/api/v1/documents/" + id + "/sign-offs/REVISADO/prepared.pdf",
                                null,
                                null,
                                "luis",
                                "luis-dev")
                        .statusCode())
                .isEqualTo(409); // not the next step
        assertThat(send(
                                "GET",
                                "/api/v1/documents/" + id + "/sign-offs/ELABORADO/prepared.pdf",
                                null,
                                null,
                                "luis",
                                "luis-dev")
                        .statusCode())
                .isEqualTo(403); // not luis's role
    }

    @Test
    @Order(2)
    void anotherPersonsCertificateIsRefused() throws Exception {
        refused(INTRUDER.sign(prepared(), "ELABORADO"), "not-your-certificate", "not registered for ana");
    }

    @Test
    @Order(2)
    void aSignatureInAnotherStepsFieldIsRefused() throws Exception {
        refused(ANA.sign(prepared(), "REVISADO"), "wrong-field", "the field REVISADO");
    }

    @Test
    @Order(2)
    void aRevisionThatAlsoChangesAFigureIsRefused() throws Exception {
        refused(
                ANA.sign(prepared(), "ELABORADO", changeFirstPage((document, page) -> {
                    try (var in = page.getContents()) {
                        // one more figure drawn over the page: what a forger adds to a signed form
                        String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                                + "\nBT /F1 9 Tf 400 400 Td (999,999.00) Tj ET\n";
                        page.setContents(new PDStream(
                                document, new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })),
                "other-changes",
                "the new revision also changes");
    }

    @Test
    @Order(2)
    void anOverlayAddedToAPageIsRefused() throws Exception {
        refused(
                ANA.sign(prepared(), "ELABORADO", changeFirstPage((document, page) -> {
                    try {
                        PDAnnotationSquare box = new PDAnnotationSquare();
                        box.setRectangle(new PDRectangle(100, 100, 200, 40));
                        page.getAnnotations().add(box);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })),
                "other-changes",
                "the new revision also changes");
    }

    @Test
    @Order(2)
    void twoRevisionsAtOnceAreRefused() throws Exception {
        byte[] signed = ANA.sign(prepared(), "ELABORADO");
        byte[] twice;
        try (PDDocument document = Loader.loadPDF(signed)) {
            document.getDocumentInformation().setTitle("Otro título");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            var out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            twice = out.toByteArray();
        }
        refused(twice, "revisions", "found 2");
    }

    @Test
    @Order(2)
    void bytesAfterTheSignatureAreRefused() throws Exception {
        byte[] signed = ANA.sign(prepared(), "ELABORADO");
        byte[] extra = "\n% añadido tras firmar\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] longer = Arrays.copyOf(signed, signed.length + extra.length);
        System.arraycopy(extra, 0, longer, signed.length, extra.length);
        refused(longer, "not-covering", "bytes follow it");
    }

    @Test
    @Order(2)
    void aFileWhoseEarlierRevisionsDifferIsRefused() throws Exception {
        byte[] signed = ANA.sign(prepared(), "ELABORADO");
        int at = indexOf(signed, "/Producer".getBytes(StandardCharsets.US_ASCII));
        signed[at + 12] ^= 1; // one bit of the registry's part of the file
        refused(signed, "not-this-document", "earlier revisions differ");
    }

    @Test
    @Order(3)
    void anaSignsWithHerOwnSoftwareAndTheDocumentGoesOnToTheNextStep() throws Exception {
        byte[] signed = ANA.sign(prepared(), "ELABORADO");
        HttpResponse<byte[]> response = upload(signed);
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.get("status").stringValue()).isEqualTo("ELABORADO");
        assertThat(document.get("nextStep").stringValue()).isEqualTo("REVISADO");
        // the registry now holds the uploaded file itself, byte for byte
        assertThat(send("GET", "/api/v1/documents/" + id + "/pdf", null, null, "ana", "ana-dev")
                        .body())
                .isEqualTo(signed);

        // luis then signs REVISADO with the service, on top of ana's own signature
        HttpResponse<byte[]> reviewed =
                send("POST", "/api/v1/documents/" + id + "/sign-offs", null, null, "luis", "luis-dev");
        assertThat(reviewed.statusCode()).isEqualTo(201);
        byte[] pdf = send("GET", "/api/v1/documents/" + id + "/pdf", null, null, "ana", "ana-dev")
                .body();
        JsonNode verification =
                JSON.readTree(send("GET", "/api/v1/documents/" + id + "/verification", null, null, null, null)
                        .body());
        assertThat(verification.toString()).contains("Ana P");

        // poppler's pdfsig, another reader of signatures, finds both intact
        Path file = Files.createTempFile("sello-upload", ".pdf");
        Files.write(file, pdf);
        String pdfsig = Processes.run("pdfsig", file.toString());
        assertThat(pdfsig.split("Signature is Valid", -1)).as(pdfsig).hasSize(3);
        assertThat(pdfsig).contains("Ana Pérez");
    }

    private static Consumer<PDDocument> changeFirstPage(BiConsumer<PDDocument, PDPage> change) {
        return document -> {
            PDPage page = document.getPage(0);
            change.accept(document, page);
            page.getCOSObject().setNeedToBeUpdated(true);
        };
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
