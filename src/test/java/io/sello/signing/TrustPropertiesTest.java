package io.sello.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** sello.signing.trust.*: refused at start-up when it would fetch from anywhere or names no folder (issue 16, point 2). */
class TrustPropertiesTest {
    @Test
    void fetchingNeedsAnAllowList(@TempDir Path dir) {
        assertThatThrownBy(() -> new TrustProperties(null, true, List.of()))
                .hasMessageContaining("sello.signing.trust.allowed-hosts");
        assertThatThrownBy(() -> new TrustProperties(null, true, List.of("http://crl.example.bo/x")))
                .hasMessageContaining("is not a host name");
        assertThatThrownBy(() -> new TrustProperties(dir.resolve("missing"), false, null))
                .hasMessageContaining("is not a folder");
        assertThat(new TrustProperties(null, true, List.of("CRL.Adsib.gob.bo")).allowedHosts())
                .containsExactly("crl.adsib.gob.bo");
        assertThat(TrustProperties.NONE.revocationFetching()).isFalse();
    }

    @Test
    void onlyAllowListedHostsAreFetchedFrom() {
        AllowListedCrlSource source = new AllowListedCrlSource(List.of("crl.adsib.gob.bo"));
        assertThat(source.allowed("http://crl.adsib.gob.bo/raiz.crl")).isTrue();
        assertThat(source.allowed("https://CRL.ADSIB.GOB.BO/raiz.crl")).isTrue();
        assertThat(source.allowed("http://169.254.169.254/latest/meta-data")).isFalse();
        assertThat(source.allowed("http://crl.adsib.gob.bo.attacker.example/x.crl"))
                .isFalse();
        assertThat(source.allowed("http://attacker.example@evil.example/x.crl")).isFalse();
        assertThat(source.allowed("ldap://crl.adsib.gob.bo/cn=x")).isFalse();
        assertThat(source.allowed("file:///etc/passwd")).isFalse();
    }

    @Test
    void aRootThatIsNotACertificateStopsStartUp(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> new TrustValidator(new TrustProperties(dir, false, List.of())))
                .hasMessageContaining("broken.pem is not a PEM certificate");
        Files.delete(dir.resolve("broken.pem"));
        assertThat(new TrustValidator(new TrustProperties(dir, false, List.of())).trustAnchors())
                .isZero();
    }
}
