package dev.proxywasm.it.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.validator.ModuleValidator;
import dev.proxywasm.validator.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every ABI 0.2.1 host function and callback is used by at least one sample, and every sample loads in Envoy. */
class SampleCoverageTest {
    /** Exports a host may look up that the SDK never writes: no annotation handles them. */
    private static final Set<GuestExport> NOT_WRITTEN = EnumSet.of(GuestExport.MAIN,
            GuestExport.PROXY_VALIDATE_CONFIGURATION, GuestExport.PROXY_ON_REQUEST_METADATA,
            GuestExport.PROXY_ON_RESPONSE_METADATA, GuestExport.PROXY_ON_GRPC_CREATE_INITIAL_METADATA);
    private static final Set<String> HOST_FUNCTIONS = Arrays.stream(HostFunction.values())
            .map(HostFunction::abiName)
            .collect(Collectors.toSet());
    private static final Set<String> CALLBACKS = EnumSet.complementOf(EnumSet.copyOf(NOT_WRITTEN)).stream()
            .map(GuestExport::abiName)
            .collect(Collectors.toSet());

    @Test
    void theSamplesTogetherUseTheWholeAbi() throws IOException {
        Set<String> imported = new TreeSet<>();
        Set<String> exported = new TreeSet<>();
        List<String> refused = new ArrayList<>();
        List<Path> modules = modules();
        assertFalse(modules.isEmpty());
        for (Path module : modules) {
            ValidationReport report = ModuleValidator.validate(Files.readAllBytes(module));
            if (report.hasErrors()) {
                refused.add(module + ": " + report.errors());
            }
            report.imports().stream().filter(i -> i.module().equals(HostFunction.MODULE)).forEach(i -> imported.add(i.name()));
            report.exports().forEach(e -> exported.add(e.name()));
        }
        assertEquals(List.of(), refused);
        assertEquals(new TreeSet<>(), missing(HOST_FUNCTIONS, imported), "host functions no sample imports");
        assertEquals(new TreeSet<>(), missing(CALLBACKS, exported), "callbacks no sample exports");
    }

    private static Set<String> missing(Set<String> wanted, Set<String> present) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(present);
        return missing;
    }

    private static List<Path> modules() throws IOException {
        Path samples = Path.of(System.getProperty("samples.directory"));
        try (Stream<Path> dirs = Files.list(samples)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.resolve("target").resolve(d.getFileName() + ".wasm"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }
}
