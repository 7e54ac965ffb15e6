package io.sello.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * {@code sello.storage.*}.
 *
 * @param publicBaseUrl where reviewers reach this service; the QR code of every stored page links to
 *                      {@code <publicBaseUrl>/verify/<id>}. Default {@code http://localhost:8080}
 */
@ConfigurationProperties("sello.storage")
public record StorageProperties(String publicBaseUrl) {
    public StorageProperties {
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(publicBaseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sello.storage.public-base-url: \"" + publicBaseUrl + "\" is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("sello.storage.public-base-url: expected an http(s) URL such as"
                    + " https://sello.example.org but got \"" + publicBaseUrl + "\"");
        }
    }

    public String verificationUrl(DocumentId id) {
        return publicBaseUrl + "/verify/" + id;
    }
}
