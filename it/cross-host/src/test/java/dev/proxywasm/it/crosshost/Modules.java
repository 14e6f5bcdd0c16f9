package dev.proxywasm.it.crosshost;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.file.Files;
import java.nio.file.Path;

/** The compiled modules under test, located by the build (see the surefire configuration). */
final class Modules {
    private Modules() {}

    static WasmModule load(String name) {
        String location = System.getProperty("module." + name);
        if (location == null) {
            throw new IllegalStateException("system property module." + name + " is not set; run the tests with Maven");
        }
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " does not exist; build it with: mvn -pl " + name + " -am package");
        }
        return Parser.parse(path);
    }
}
