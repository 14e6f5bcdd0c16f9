package dev.proxywasm.api.json;

/** Malformed JSON: the message says what was wrong and {@link #position()} where. */
public final class JsonException extends RuntimeException {
    private final int position;

    public JsonException(String message, int position) {
        super(message + " at position " + position);
        this.position = position;
    }

    /** The character offset of the problem in the input. */
    public int position() {
        return position;
    }
}
