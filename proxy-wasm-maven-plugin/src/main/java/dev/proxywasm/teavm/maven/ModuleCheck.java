package dev.proxywasm.teavm.maven;

import dev.proxywasm.validator.ModuleValidator;
import dev.proxywasm.validator.ValidationReport;
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

    /**
     * The module's bytes; fails with the validator's reasons if Envoy would refuse it, or when it is
     * older than the plugin's compiled classes in {@code classes}: then it was built from other code
     * (a JVM-only build, an IDE's compile), and the goal would ship or run that instead.
     */
    static byte[] requireValid(File module, File classes, String goal) throws MojoFailureException {
        if (!module.isFile()) {
            throw new MojoFailureException(module + " does not exist, so " + goal + " has nothing to use;"
                    + " build it first: mvn package " + goal);
        }
        String newer = newerClass(classes, module.lastModified());
        if (newer != null) {
            throw new MojoFailureException(module.getName() + " is older than the plugin's classes (" + newer
                    + " changed after it was built), so " + goal + " would use old code; build it first: mvn package "
                    + goal + " (without -Dproxywasm.modes=jvm)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(module.toPath());
        } catch (IOException e) {
            throw new MojoFailureException("cannot read " + module + ": " + e.getMessage());
        }
        ValidationReport report;
        try {
            report = TeaVmHints.explain(ModuleValidator.validate(bytes));
        } catch (RuntimeException e) {
            throw new MojoFailureException(module + " is not a WebAssembly module Envoy could load: " + e.getMessage());
        }
        if (report.hasErrors()) {
            throw new MojoFailureException(module.getName() + " would not load in Envoy, so " + goal
                    + " refuses it:\n  " + String.join("\n  ", report.errors()));
        }
        return bytes;
    }

    /** A {@code .class} under {@code classes} newer than {@code builtAt}, relative, or null. */
    private static String newerClass(File classes, long builtAt) {
        if (classes == null || !classes.isDirectory()) {
            return null;
        }
        try {
            java.nio.file.Path newer = ClassFiles.newerThan(classes, builtAt);
            return newer == null ? null : classes.toPath().relativize(newer).toString();
        } catch (IOException e) {
            return null;
        }
    }
}
