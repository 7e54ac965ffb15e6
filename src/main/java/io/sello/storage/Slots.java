package io.sello.storage;

import io.sello.document.SignatureSlot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Signature slots as a compact text column: {@code STEP page x y width height} per line. */
final class Slots {
    private Slots() {}

    static String toText(List<SignatureSlot> slots) {
        StringBuilder text = new StringBuilder();
        for (SignatureSlot s : slots) {
            text.append(String.format(
                    Locale.ROOT,
                    "%s %d %.2f %.2f %.2f %.2f%n",
                    s.step(),
                    s.page(),
                    s.x(),
                    s.y(),
                    s.width(),
                    s.height()));
        }
        return text.toString();
    }

    static List<SignatureSlot> fromText(String text) {
        List<SignatureSlot> slots = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split(" ");
            slots.add(new SignatureSlot(
                    f[0],
                    Integer.parseInt(f[1]),
                    Float.parseFloat(f[2]),
                    Float.parseFloat(f[3]),
                    Float.parseFloat(f[4]),
                    Float.parseFloat(f[5])));
        }
        return slots;
    }
}
