package dev.proxywasm.teavm.validator;

/** One finding: an error stops the module from loading in Envoy, a warning limits where it loads. */
public record Problem(Severity severity, String message) {
    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
