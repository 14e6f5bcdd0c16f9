package dev.proxywasm.teavm.maven;

import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.model.CallLocation;
import org.teavm.model.MethodReference;
import org.teavm.model.TextLocation;

/** One TeaVM problem as a line: its text and the method (and line) it was found in. */
final class ProblemText {
    private ProblemText() {}

    static String describe(Problem problem) {
        DefaultProblemTextConsumer consumer = new DefaultProblemTextConsumer();
        problem.render(consumer);
        StringBuilder sb = new StringBuilder(consumer.getText());
        CallLocation location = problem.getLocation();
        if (location != null && location.getMethod() != null) {
            MethodReference method = location.getMethod();
            sb.append(" (in ").append(method.getClassName()).append('.').append(method.getName());
            TextLocation text = location.getSourceLocation();
            if (text != null && text.getFileName() != null) {
                sb.append(", ").append(text.getFileName()).append(':').append(text.getLine());
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
