package dev.proxywasm.teavm.maven;

import dev.proxywasm.teavm.validator.ModuleValidator;
import dev.proxywasm.teavm.validator.ValidationReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The check every goal that ships or runs a module makes first: the file exists and would load in
 * Envoy. The build never leaves a rejected module behind, but a file can come from anywhere
 * ({@code -Dproxywasm.output}, a copy, an older SDK), and a goal must not publish what the build
 * would have refused.
 */
final class ModuleCheck {
    private ModuleCheck() {}

    /** The module's bytes; fails with the validator's reasons if Envoy would refuse it. */
    static byte[] requireValid(File module, String goal) throws MojoFailureException {
        if (!module.isFile()) {
            throw new MojoFailureException(module + " does not exist, so " + goal + " has nothing to use;"
                    + " build it first: mvn package " + goal);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(module.toPath());
        } catch (IOException e) {
            throw new MojoFailureException("cannot read " + module + ": " + e.getMessage());
        }
        ValidationReport report;
        try {
            report = ModuleValidator.validate(bytes);
        } catch (RuntimeException e) {
            throw new MojoFailureException(module + " is not a WebAssembly module Envoy could load: " + e.getMessage());
        }
        if (report.hasErrors()) {
            throw new MojoFailureException(module.getName() + " would not load in Envoy, so " + goal
                    + " refuses it:\n  " + String.join("\n  ", report.errors()));
        }
        return bytes;
    }
}
