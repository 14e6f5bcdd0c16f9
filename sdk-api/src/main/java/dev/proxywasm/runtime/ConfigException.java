package dev.proxywasm.runtime;

/** A configuration the generated parser rejects; the message starts with the JSON path. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
