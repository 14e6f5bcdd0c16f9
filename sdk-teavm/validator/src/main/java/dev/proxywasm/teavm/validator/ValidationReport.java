package dev.proxywasm.teavm.validator;

import java.util.List;

/**
 * What {@link ModuleValidator} found: the problems, and the module's imports and exports as
 * {@code module.name (signature)} lines for the build's output.
 */
public record ValidationReport(List<Problem> problems, List<String> imports, List<String> exports) {

    /** Whether Envoy would refuse the module. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }

    /** The error messages only. */
    public List<String> errors() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).map(Problem::message).toList();
    }

    /** The warning messages only. */
    public List<String> warnings() {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).map(Problem::message).toList();
    }
}
