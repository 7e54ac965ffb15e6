package io.sello.format;

/** Currencies the documents state amounts in, with the symbol and the plural name used in Spanish legal text. */
public enum Currency {
    /** Seed 003: "US$ 83,290.00 (… y 00/100 Dólares americanos)". */
    USD("US$", "Dólares americanos"),
    /** Seed 003: "CHF 87,460.00 (… y 00/100 Francos suizos)". */
    CHF("CHF", "Francos suizos"),
    PEN("S/", "Soles"),
    BOB("Bs", "Bolivianos"),
    EUR("EUR", "Euros");

    private final String symbol;
    private final String spanishName;

    Currency(String symbol, String spanishName) {
        this.symbol = symbol;
        this.spanishName = spanishName;
    }

    public String symbol() {
        return symbol;
    }

    public String spanishName() {
        return spanishName;
    }
}
