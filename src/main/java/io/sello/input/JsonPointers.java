package io.sello.input;

/** Builds RFC 6901 JSON pointers. */
public final class JsonPointers {
    public static final String ROOT = "";

    private JsonPointers() {}

    public static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /** The root pointer is the empty string; problem details print it as "/" so it is visible. */
    public static String display(String pointer) {
        return pointer.isEmpty() ? "/" : pointer;
    }
}
