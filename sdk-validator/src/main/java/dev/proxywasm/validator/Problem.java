package dev.proxywasm.validator;

import java.util.Locale;

/**
 * One finding, structured so that tools act on it without reading its text: what is wrong
 * ({@link Kind}), which import or export it is about, the signature found and the one the host
 * expects, and the sentence a person reads.
 *
 * @param kind what is wrong; it decides the severity
 * @param module the import's module ({@code env}, {@code wasi_snapshot_preview1}, ...); null for an
 *     export or the module as a whole
 * @param name the import's or export's name; null when the problem is about no single one
 * @param found the signature the module declares, such as {@code (i32,i32)->i32}, or what a
 *     non-function import is ({@code memory}, {@code table}, {@code global}); null when nothing was found
 * @param expected the signature the host defines or calls with; null when no signature was compared
 * @param message the explanation, without the severity
 */
public record Problem(Kind kind, String module, String name, String found, String expected, String message) {

    /** How bad a problem is: an error stops the module from loading in Envoy, a warning limits where it loads. */
    public enum Severity { ERROR, WARNING }

    /** What is wrong with the module. */
    public enum Kind {
        /** The bytes are not a WebAssembly module. */
        INVALID_MODULE(Severity.ERROR),
        /** A memory, table or global import: Envoy provides only functions. */
        NON_FUNCTION_IMPORT(Severity.ERROR),
        /** An import from a module no proxy-wasm host provides (neither {@code env} nor WASI). */
        UNKNOWN_IMPORT(Severity.ERROR),
        /** An {@code env} import that is not a host function of ABI 0.2.1. */
        UNKNOWN_HOST_FUNCTION(Severity.ERROR),
        /** A WASI import outside the subset Envoy provides. */
        UNSUPPORTED_WASI_FUNCTION(Severity.ERROR),
        /** A WASI import that only Envoy releases since 2024-12 provide. */
        RECENT_WASI_FUNCTION(Severity.WARNING),
        /** A host or WASI function imported with another signature than the host's. */
        WRONG_IMPORT_SIGNATURE(Severity.ERROR),
        /** A callback exported with another signature than the one the host calls it with. */
        WRONG_CALLBACK_SIGNATURE(Severity.ERROR),
        /** A {@code proxy_on_*} export no host calls. */
        UNKNOWN_CALLBACK(Severity.WARNING),
        /** No {@code proxy_abi_version_0_2_1} export: Envoy cannot tell which ABI the module speaks. */
        MISSING_ABI_VERSION(Severity.ERROR),
        /** Neither {@code malloc} nor {@code proxy_on_memory_allocate} is exported. */
        MISSING_ALLOCATOR(Severity.ERROR),
        /** No {@code _initialize} export. */
        MISSING_INITIALIZE(Severity.ERROR),
        /** No memory exported as {@code memory}. */
        MISSING_MEMORY(Severity.ERROR),
        /** A {@code _start} export: the module is a WASI command, not a reactor. */
        COMMAND_EXPORT(Severity.ERROR);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        /** The severity every problem of this kind has. */
        public Severity severity() {
            return severity;
        }
    }

    /** Whether Envoy refuses the module because of it, or only some releases do. */
    public Severity severity() {
        return kind.severity();
    }

    /** The same problem, its message followed by {@code addition}: a caller's explanation of where it comes from. */
    public Problem explained(String addition) {
        return new Problem(kind, module, name, found, expected, message + addition);
    }

    @Override
    public String toString() {
        return severity().name().toLowerCase(Locale.ROOT) + ": " + message;
    }
}
