package io.sello;

import io.sello.batch.BatchProperties;
import io.sello.signing.SigningProperties;
import io.sello.web.OidcProperties;
import io.sello.web.SecurityProperties;

/**
 * The prod profile's refusals, over several modules' settings: development passwords, keys and keystores stop the
 * start, as does an identity provider over http. Checked in this order, so that the first thing a deployment must
 * change is named first; the signing module's keys wait for this check (they name it in {@code @DependsOn}).
 */
final class ProductionProfile {

    ProductionProfile(
            boolean production,
            SigningProperties signing,
            SecurityProperties security,
            BatchProperties batches,
            OidcProperties oidc) {
        if (!production) {
            return;
        }
        if (!security.developmentDefaultsInUse().isEmpty()) {
            throw new IllegalStateException("the prod profile refuses development credentials still in place: "
                    + String.join(", ", security.developmentDefaultsInUse()));
        }
        if (SigningProperties.DEVELOPMENT_PASSWORD.equals(signing.password())) {
            throw new IllegalStateException("the prod profile refuses the development sello.signing.password");
        }
        if (BatchProperties.DEVELOPMENT_SECRET.equals(batches.webhookSecret())) {
            throw new IllegalStateException("the prod profile refuses the development sello.batches.webhook-secret");
        }
        if (batches.productionRefusal() != null) {
            throw new IllegalStateException(batches.productionRefusal());
        }
        if (oidc.productionRefusal() != null) {
            throw new IllegalStateException(oidc.productionRefusal());
        }
    }
}
