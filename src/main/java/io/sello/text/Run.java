package io.sello.text;

import io.sello.format.MoneyAmount;

import java.util.Objects;

/** A run of a paragraph: text, an amount (printed in figures and words), or a footnote reference. */
public sealed interface Run {

    record Text(String text, Emphasis emphasis) implements Run {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(emphasis, "emphasis");
        }
    }

    /** Printed as figures plus Spanish words, e.g. "US$ 83,290.00 (ochenta y tres mil … y 00/100 Dólares americanos)". */
    record Money(MoneyAmount money, Emphasis emphasis) implements Run {
        public Money {
            Objects.requireNonNull(money, "money");
            Objects.requireNonNull(emphasis, "emphasis");
        }
    }

    /** A numbered reference at this point; the note is printed at the end of its section. */
    record Footnote(String note) implements Run {
        public Footnote {
            Objects.requireNonNull(note, "note");
        }
    }

    /** Which kinds of run a document type accepts. */
    enum Kind { TEXT, MONEY, FOOTNOTE }
}
