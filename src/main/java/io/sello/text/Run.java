package io.sello.text;

import io.sello.format.MoneyAmount;

import java.util.Objects;

/** A run of a paragraph: text, an amount (printed in figures and words), or a footnote reference. */
sealed interface Run {

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

    /**
     * A numbered reference at this point; the note is printed at the end of its section.
     *
     * @param number the number the source gives the note, or 0 to number it after the highest number
     *               used before it in the document (issue 13: the seed's notes keep the seed's numbers)
     */
    record Footnote(String note, int number) implements Run {
        public Footnote {
            Objects.requireNonNull(note, "note");
            if (number < 0) {
                throw new IllegalArgumentException("a footnote number is positive, or 0 for the next one");
            }
        }

        public Footnote(String note) {
            this(note, 0);
        }
    }

    /** Which kinds of run a document type accepts. */
    enum Kind {
        TEXT,
        MONEY,
        FOOTNOTE
    }
}
