package kol.base;

/** Text that {@link JsonReader} found not to be JSON, with what and where (a byte offset). */
public final class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonSyntaxException(String message) {
        super(message);
    }
}
