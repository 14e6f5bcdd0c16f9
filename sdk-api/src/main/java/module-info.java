/**
 * The author API of proxy-wasm plugins in Java: {@code dev.proxywasm.api} and its JSON package.
 * The runtime the generated glue calls is exported only to the SDK's backends; the annotation
 * processor (found by javac through {@code META-INF/services}) is not exported at all.
 */
module dev.proxywasm.api {
    requires transitive dev.proxywasm.abi;
    requires static java.compiler;
    requires static com.palantir.javapoet;

    exports dev.proxywasm.api;
    exports dev.proxywasm.api.json;
    exports dev.proxywasm.runtime to dev.proxywasm.teavm, dev.proxywasm.emulator, dev.proxywasm.testing;
}
