package io.sello.text;

/** Bold, italic and underline, as legal and planning documents use them inside a paragraph. */
record Emphasis(boolean bold, boolean italic, boolean underline) {
    public static final Emphasis NONE = new Emphasis(false, false, false);
}
