package io.sello.signoff;

import io.micrometer.core.instrument.MeterRegistry;
import io.sello.rendering.RenderingProperties;
import io.sello.signing.PdfSigner;
import io.sello.signing.PdfVerifier;
import io.sello.signing.SignatureAugmentation;
import io.sello.signing.SigningKeys;
import io.sello.signing.VerificationStamp;
import io.sello.storage.DocumentRegistry;
import io.sello.storage.StorageProperties;
import io.sello.storage.TemplateArchive;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.ZoneId;

/** The sign-off module wires itself (issue 18, point 4): storing, signing off and verifying a document. */
@Configuration(proxyBeanMethods = false)
class SignOffConfiguration {

    @Bean
    DocumentStore documentStore(DocumentRegistry registry, StorageProperties storage, TemplateArchive templates) {
        return new DocumentStore(registry, new VerificationStamp(), storage, templates);
    }

    /** Signatures carry the rendering time zone, as the printed dates do. */
    @Bean
    SignOffService signOffService(
            DocumentRegistry registry,
            SigningKeys keys,
            RenderingProperties rendering,
            PdfVerifier verifier,
            SignOffProperties signOff,
            SignatureAugmentation augmentation) {
        return new SignOffService(
                registry, new PdfSigner(ZoneId.of(rendering.timeZone())), keys, signOff, verifier, augmentation);
    }

    @Bean
    Verification verification(DocumentRegistry registry, MeterRegistry meters, PdfVerifier verifier) {
        return new Verification(registry, meters, verifier);
    }
}
