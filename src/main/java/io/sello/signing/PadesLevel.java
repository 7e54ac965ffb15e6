package io.sello.signing;

import eu.europa.esig.dss.enumerations.SignatureLevel;

import java.util.Arrays;
import java.util.Locale;

/**
 * The PAdES baseline level a deployment signs at (ETSI EN 319 142-1, clause 6; issue 16 §3). Each level adds to the
 * one before it, as incremental revisions after the signature itself:
 * <ul>
 *   <li>{@code B-B}: the signature alone; its time is only what the signer's machine claimed;</li>
 *   <li>{@code B-T}: a time-stamp from a trusted authority proves the signature existed then: the CMS's
 *       signature-time-stamp attribute when Sello makes the CMS itself (no extra revision), else, for a signature
 *       uploaded from the signer's own software, a document time-stamp, which EN 319 142-1 accepts in its place;</li>
 *   <li>{@code B-LT}: the certificates and CRL/OCSP answers needed to validate it are embedded (the DSS dictionary),
 *       so it can be validated once the signer's certificate has expired or its authority is gone;</li>
 *   <li>{@code B-LTA}: a document time-stamp over all of that, which keeps the evidence fresh.</li>
 * </ul>
 * <p>Public only for the benchmark {@code bench.LevelTiming}, which signs at each level (ArchitectureTest's list).
 */
public enum PadesLevel {
    B_B("B-B", SignatureLevel.PAdES_BASELINE_B),
    B_T("B-T", SignatureLevel.PAdES_BASELINE_T),
    B_LT("B-LT", SignatureLevel.PAdES_BASELINE_LT),
    B_LTA("B-LTA", SignatureLevel.PAdES_BASELINE_LTA);

    private final String label;
    private final SignatureLevel dss;

    PadesLevel(String label, SignatureLevel dss) {
        this.label = label;
        this.dss = dss;
    }

    /** "B-LTA", as the issue, the settings and the verification page write it. */
    public String label() {
        return label;
    }

    SignatureLevel dss() {
        return dss;
    }

    /** Whether signing at this level needs a time-stamp authority. */
    public boolean timestamped() {
        return this != B_B;
    }

    /** Whether signing at this level needs revocation data for the signer's chain. */
    public boolean longTerm() {
        return this == B_LT || this == B_LTA;
    }

    /** "B-LTA", "b-lta", "B_LTA" or "LTA". */
    public static PadesLevel parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        String full = wanted.startsWith("B-") ? wanted : "B-" + wanted;
        return Arrays.stream(values())
                .filter(l -> l.label.equals(full))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "sello.signing.level: " + text + " is not a PAdES baseline level (B-B, B-T, B-LT or B-LTA)"));
    }

    @Override
    public String toString() {
        return label;
    }
}
