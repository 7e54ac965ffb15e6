package io.sello.amendment;

import java.util.Objects;

/** A run of a paragraph: plain text or an amount, with the emphasis the legal text uses. */
public sealed interface Segment {
    Emphasis emphasis();

    record Text(String text, Emphasis emphasis) implements Segment {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(emphasis, "emphasis");
        }
    }

    /** Printed as figures plus Spanish words, e.g. "US$ 83,290.00 (ochenta y tres mil … y 00/100 Dólares americanos)". */
    record Money(MoneyAmount money, Emphasis emphasis) implements Segment {
        public Money {
            Objects.requireNonNull(money, "money");
            Objects.requireNonNull(emphasis, "emphasis");
        }
    }

    record Emphasis(boolean bold, boolean italic, boolean underline) {
        public static final Emphasis NONE = new Emphasis(false, false, false);
    }
}
