package io.sello.signing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;

import java.time.Clock;

/** The signing module wires itself (issue 18, point 4): keys, trust anchors, the verifier and the signature level. */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    /**
     * Loads the keys, generating the development keystore when it is missing, except in the prod profile. Depends, by
     * name so that signing does not depend on the application package, on the application's check of the prod
     * profile ({@code io.sello.ProductionProfile}): a production start with development credentials stops with that
     * check's message, before any keystore is looked at.
     */
    @Bean
    @DependsOn("productionProfile")
    SigningKeys signingKeys(SigningProperties signing, Environment environment) {
        return new SigningKeys(signing, !environment.matchesProfiles("prod"));
    }

    /** Every sign-off taken to sello.signing.level (issue 16, point 3); checked at start-up: a TSA from B-T up. */
    @Bean
    SignatureAugmentation signatureAugmentation(SigningProperties signing, TrustValidator trust) {
        return SignatureAugmentation.of(signing, trust);
    }

    /**
     * EU DSS with the deployment's trust anchors; reads the roots folder once, at start-up (issue 16, point 2).
     * Validates at the service clock's time.
     */
    @Bean
    TrustValidator trustValidator(TrustProperties trust, Clock clock) {
        return new TrustValidator(trust).validatingAt(clock);
    }

    /** One verifier, with the deployment's limits and trust anchors, for the verification pages and uploaded sign-offs alike. */
    @Bean
    PdfVerifier pdfVerifier(PdfLimits pdfLimits, TrustValidator trust) {
        return new PdfVerifier(pdfLimits, trust);
    }
}
