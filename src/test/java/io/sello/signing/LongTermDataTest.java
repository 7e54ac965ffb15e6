package io.sello.signing;

import io.sello.Sello;
import io.sello.document.RenderOptions;
import io.sello.document.RenderedDocument;
import io.sello.document.SignatureSlot;
import io.sello.rendering.RenderingProperties;
import io.sello.support.PkiServer;
import io.sello.support.SlowTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code sello.signing.long-term-data} (issue 16 §3; {@link LongTermData}): at B-LTA a Formulario N.5.B signed three
 * times holds 6 revisions when the long-term layer waits for approval (the default) and 10 when each sign-off adds it;
 * either way all three signatures end VALID at B-LTA. Until approval the signatures are B-T, and an earlier sign-off
 * needs no revocation responder, while the completing one does and is refused (503) without it.
 */
@SlowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongTermDataTest {
    private final PdfSigner signer = new PdfSigner(ZoneId.of("America/La_Paz"));
    private PkiServer server;
    private RenderedDocument form;
    private PdfVerifier verifier;

    @BeforeAll
    void start() throws Exception {
        server = PkiServer.start(true);
        form = Sello.documentTypes(RenderingProperties.defaults())
                .find("poa-execution-form")
                .orElseThrow()
                .render(
                        Files.readAllBytes(Path.of("examples/poa-execution-form/senavex-2020-julio.json")),
                        RenderOptions.STRICT);
        verifier = new PdfVerifier(PdfLimits.DEFAULTS, fetching());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private TrustValidator fetching() {
        return new TrustValidator(new TrustProperties(server.rootPemFolder(), true, List.of(server.host())));
    }

    private SignatureAugmentation augmentation(LongTermData when) {
        return SignatureAugmentation.of(
                new SigningProperties(
                        null,
                        null,
                        null,
                        null,
                        null,
                        PadesLevel.B_LTA,
                        new SigningProperties.Tsa(URI.create(server.tsaUrl()), null, Duration.ofSeconds(10)),
                        when),
                fetching());
    }

    /** The sign-off of {@code slot} as SignOffService makes it: a CMS with its signature time-stamp, then the level. */
    private byte[] signOff(SignatureAugmentation augmentation, byte[] pdf, SignatureSlot slot, boolean completes) {
        byte[] signed = signer.sign(
                pdf,
                slot,
                new Signer(slot.step(), "Firmante " + slot.step(), "Cargo"),
                server.pki.valid,
                Instant.now(),
                augmentation.signatureTimestamps());
        return augmentation.augmentTimestamped(signed, completes);
    }

    private static List<String> levels(VerificationReport report) {
        return report.signatures().stream().map(SignatureCheck::level).toList();
    }

    @Test
    void onApprovalTheEarlierSignOffsStayBTAndTheLastAddsOneDssRevisionAndOneArchiveTimeStamp() {
        SignatureAugmentation augmentation = augmentation(LongTermData.ON_APPROVAL);
        List<SignatureSlot> slots = form.signatureSlots();
        byte[] pdf = signOff(augmentation, form.content(), slots.get(0), false);
        VerificationReport first = verifier.verify(pdf);
        assertThat(levels(first)).containsExactly("B-T");
        assertThat(first.revisions()).isEqualTo(2);
        assertThat(first.timestamps()).isEmpty();
        assertThat(first.allValid()).as(first.toString()).isTrue();

        pdf = signOff(augmentation, pdf, slots.get(1), false);
        pdf = signOff(augmentation, pdf, slots.get(2), true);
        VerificationReport approved = verifier.verify(pdf);
        assertThat(levels(approved)).containsExactly("B-LTA", "B-LTA", "B-LTA");
        assertThat(approved.allValid()).as(approved.toString()).isTrue();
        assertThat(approved.intact()).isTrue();
        assertThat(approved.findings()).isEmpty();
        assertThat(approved.revisions()).isEqualTo(1 + 3 + 2);
        assertThat(approved.timestamps()).hasSize(1);
    }

    @Test
    void eachSignOffAddsTheLayerAtOnce() {
        SignatureAugmentation augmentation = augmentation(LongTermData.EACH_SIGN_OFF);
        List<SignatureSlot> slots = form.signatureSlots();
        byte[] pdf = signOff(augmentation, form.content(), slots.get(0), false);
        VerificationReport first = verifier.verify(pdf);
        assertThat(levels(first)).containsExactly("B-LTA");
        assertThat(first.revisions()).isEqualTo(1 + 3);
        pdf = signOff(augmentation, pdf, slots.get(1), false);
        pdf = signOff(augmentation, pdf, slots.get(2), true);
        VerificationReport approved = verifier.verify(pdf);
        assertThat(levels(approved)).containsExactly("B-LTA", "B-LTA", "B-LTA");
        assertThat(approved.allValid()).as(approved.toString()).isTrue();
        assertThat(approved.revisions()).isEqualTo(1 + 3 * 3);
        assertThat(approved.timestamps()).hasSize(3);
    }

    @Test
    void onApprovalOnlyTheCompletingSignOffNeedsTheRevocationResponders() {
        SignatureAugmentation augmentation = augmentation(LongTermData.ON_APPROVAL);
        List<SignatureSlot> slots = form.signatureSlots();
        server.revocationDown(true);
        try {
            byte[] pdf = signOff(augmentation, form.content(), slots.get(0), false);
            byte[] reviewed = signOff(augmentation, pdf, slots.get(1), false);
            assertThat(reviewed.length).isGreaterThan(pdf.length);
            assertThatThrownBy(() -> signOff(augmentation, reviewed, slots.get(2), true))
                    .isInstanceOf(SigningUnavailableException.class)
                    .hasMessageContaining("B-LTA");
        } finally {
            server.revocationDown(false);
        }
    }

    @Test
    void theSettingReadsAsWrittenAndDefaultsToOnApproval() {
        assertThat(bound(Map.of()).longTermData()).isEqualTo(LongTermData.ON_APPROVAL);
        assertThat(bound(Map.of("sello.signing.long-term-data", "each-sign-off"))
                        .longTermData())
                .isEqualTo(LongTermData.EACH_SIGN_OFF);
        assertThat(bound(Map.of("sello.signing.long-term-data", "on-approval")).longTermData())
                .isEqualTo(LongTermData.ON_APPROVAL);
        assertThat(augmentation(LongTermData.ON_APPROVAL).levelFor(false)).isEqualTo(PadesLevel.B_T);
        assertThat(augmentation(LongTermData.ON_APPROVAL).levelFor(true)).isEqualTo(PadesLevel.B_LTA);
        assertThat(augmentation(LongTermData.EACH_SIGN_OFF).levelFor(false)).isEqualTo(PadesLevel.B_LTA);
    }

    private static SigningProperties bound(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("sello.signing.password", "x-secret");
        return new Binder(new MapConfigurationPropertySource(all))
                .bindOrCreate("sello.signing", SigningProperties.class);
    }
}
