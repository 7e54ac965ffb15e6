package io.sello.input;

/**
 * How much JSON one request may ask the service to hold. The web layer builds it from
 * {@code sello.limits.*}; the command line uses {@link #DEFAULTS}. See docs/limits.md.
 *
 * @param maxDepth        objects and arrays nested at most this deep (a form is 5 deep)
 * @param maxStringLength characters in one string value or field name
 * @param maxNumberLength digits in one number as sent
 * @param maxNumberScale  the largest decimal exponent either way: {@code 1e1000000000} is 12
 *                        characters long but would be a billion digits once printed
 * @param maxItems        elements of all arrays of one document together: activities, budget
 *                        lines, rows, cells, batch items
 */
public record JsonLimits(int maxDepth, int maxStringLength, int maxNumberLength, int maxNumberScale, int maxItems) {
    /**
     * Generous for every seed: the amendment with its annex nests 15 deep and has about 2,000 items; a
     * 1,000-page Formulario N.5.B has about 16,000.
     */
    public static final JsonLimits DEFAULTS = new JsonLimits(32, 100_000, 40, 40, 100_000);

    public JsonLimits {
        positive(maxDepth, "maxDepth");
        positive(maxStringLength, "maxStringLength");
        positive(maxNumberLength, "maxNumberLength");
        positive(maxNumberScale, "maxNumberScale");
        positive(maxItems, "maxItems");
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 but is " + value);
        }
    }
}
