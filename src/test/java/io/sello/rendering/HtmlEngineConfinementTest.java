package io.sello.rendering;

import io.sello.document.RenderOptions;
import io.sello.rendering.html.HtmlDocumentRenderer;
import io.sello.support.Fixtures;
import io.sello.support.PdfDocument;
import io.sello.support.TrapServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML engine reads nothing but its templates and makes no connection, whatever a document asks
 * for; untrusted data comes out printed, never executed. A trap server on loopback counts every
 * connection, and canary files would show up in the PDF if they were ever read.
 */
@Timeout(60)
class HtmlEngineConfinementTest {
    private static TrapServer trap;

    @TempDir
    static Path dir;

    private static Path canaryCss;
    private static Path canaryPng;

    @BeforeAll
    static void setUp() throws IOException {
        trap = new TrapServer();
        canaryCss = dir.resolve("canary.css");
        Files.writeString(canaryCss, "body::before { content: \"CANARY-CSS-WAS-READ\"; }");
        canaryPng = dir.resolve("canary.png");
        Files.write(
                canaryPng,
                Base64.getDecoder()
                        .decode(
                                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
    }

    @AfterAll
    static void tearDown() {
        trap.close();
    }

    private static String trapUrl() {
        return "http://127.0.0.1:" + trap.port() + "/";
    }

    @Test
    void aDocumentCannotLoadFilesOrReachTheNetwork() throws IOException {
        int port = trap.port();
        String xhtml = """
                <html xmlns="http://www.w3.org/1999/xhtml"><head>
                <base href="%1$s"/>
                <link rel="stylesheet" type="text/css" href="%2$s"/>
                <link rel="stylesheet" type="text/css" href="%3$s"/>
                <link rel="stylesheet" type="text/css" href="http://2130706433:%4$d/decimal.css"/>
                <link rel="stylesheet" type="text/css" href="http://[::ffff:127.0.0.1]:%4$d/mapped.css"/>
                <link rel="stylesheet" type="text/css" href="jar:file:%5$s!/x.css"/>
                <link rel="stylesheet" type="text/css" href="classpath:application.properties"/>
                <link rel="stylesheet" type="text/css" href="sello-template:/../../../../%2$s"/>
                <link rel="stylesheet" type="text/css" href="../../fonts/fonts.xml"/>
                <style>@import url("%1$simport.css"); @import url("%3$s");</style>
                </head><body style="font-family: 'Sello Sans'">
                <p>visible text</p>
                <img src="%1$simage.png"/><img src="%6$s"/><img src="file://%7$s"/>
                <object data="%1$sobject.pdf" type="application/pdf"></object>
                </body></html>
                """.formatted(
                trapUrl(), canaryCss.toUri(), "file://" + canaryCss, port, canaryPng, canaryPng.toUri(), canaryPng);
        HtmlDocumentRenderer engine = (HtmlDocumentRenderer) Fixtures.htmlRenderer();
        byte[] pdf = engine.toPdf(xhtml, new TemplateId("agreement-amendment"));

        assertThat(trap.connections()).as("connections to the trap server").isZero();
        assertThat(PdfDocument.of(pdf).text()).contains("visible text").doesNotContain("CANARY");
        assertThat(imageCount(pdf)).as("images in the PDF").isZero();
    }

    @Test
    void untrustedDataIsPrintedLiterallyNeverEvaluated() {
        String hostile = "<script>alert(1)</script> <img src=\\\"file:///etc/passwd\\\"> ${7*7} "
                + "<#assign x=\\\"freemarker.template.utility.Execute\\\"?new()>${x(\\\"id\\\")} "
                + "\\\"freemarker.template.utility.Execute\\\"?new()(\\\"id\\\") <img src=\\\"" + trapUrl()
                + "p.png\\\"/>";
        String json = new String(
                        Fixtures.read(Path.of("examples/agreement-amendment/minimal.json")), StandardCharsets.UTF_8)
                .replace("\"El aporte de la Parte A se incrementa en \"", "\"" + hostile + "\"");
        assertThat(json).contains("${7*7}");
        byte[] pdf = Fixtures.amendment()
                .render(Fixtures.utf8(json), RenderOptions.STRICT)
                .content();
        // Line breaks may fall anywhere in a long run, so compare without white space.
        String text = PdfDocument.of(pdf).text().replaceAll("\\s+", "");
        assertThat(text)
                .contains(
                        "<script>alert(1)</script>",
                        "<imgsrc=\"file:///etc/passwd\">",
                        "${7*7}",
                        "\"freemarker.template.utility.Execute\"?new()(\"id\")",
                        "<#assignx=",
                        "${x(\"id\")}")
                .doesNotContain("49uid=", "uid=");
        assertThat(trap.connections()).isZero();
    }

    private static int imageCount(byte[] pdf) throws IOException {
        int images = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    images++;
                }
            }
        }
        return images;
    }
}
