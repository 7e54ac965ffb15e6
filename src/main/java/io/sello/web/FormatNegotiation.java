package io.sello.web;

import io.sello.document.DocumentType;
import io.sello.document.OutputFormat;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the file format of a render: {@code ?format=} wins over {@code Accept}; no preference, or
 * a wildcard, means PDF. Asking for a format the type does not deliver is refused, never answered
 * with something else.
 */
final class FormatNegotiation {
    private FormatNegotiation() {}

    static OutputFormat choose(DocumentType type, String format, String accept) {
        if (format != null) {
            OutputFormat named = OutputFormat.named(format.strip())
                    .orElseThrow(() -> new UnsupportedFormatException(type, "format", "\"" + brief(format) + "\""));
            if (!type.formats().contains(named)) {
                throw new UnsupportedFormatException(type, "format", named.extension());
            }
            return named;
        }
        if (accept == null || accept.isBlank()) {
            return OutputFormat.PDF;
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw new UnsupportedFormatException(type, "Accept", "\"" + brief(accept) + "\"");
        }
        MimeTypeUtils.sortBySpecificity(wanted);
        wanted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType media : wanted) {
            if (media.getQualityValue() == 0) {
                continue;
            }
            if (media.isWildcardType() || (media.isWildcardSubtype() && "application".equals(media.getType()))) {
                return OutputFormat.PDF;
            }
            Optional<OutputFormat> match = OutputFormat.ofMediaType(media.getType() + "/" + media.getSubtype());
            if (match.isPresent() && type.formats().contains(match.get())) {
                return match.get();
            }
            if (MediaType.APPLICATION_PROBLEM_JSON.includes(media) || MediaType.APPLICATION_JSON.includes(media)) {
                continue; // a client that also accepts problem details for errors
            }
        }
        throw new UnsupportedFormatException(type, "Accept", "\"" + brief(accept) + "\"");
    }

    private static String brief(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
