package dev.proxywasm.validator;

import java.util.List;

/**
 * What {@link ModuleValidator} found: the problems, and the module's imports and exports in the
 * order the module declares them.
 */
public record ValidationReport(List<Problem> problems, List<Symbol> imports, List<Symbol> exports) {

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

    /** The same imports and exports with other problems: a caller's explained copy. */
    public ValidationReport withProblems(List<Problem> replaced) {
        return new ValidationReport(List.copyOf(replaced), imports, exports);
    }
}
