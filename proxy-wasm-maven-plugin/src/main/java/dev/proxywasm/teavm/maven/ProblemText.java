package dev.proxywasm.teavm.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.model.CallLocation;
import org.teavm.model.MethodReference;
import org.teavm.model.TextLocation;

/**
 * One TeaVM problem as a line: its text, the method (and line) it was found in, and, when that
 * method belongs to a library, which jar of the plugin's classpath brought it and what to do.
 */
final class ProblemText {
    private ProblemText() {}

    static String describe(Problem problem, List<File> classPath) {
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
            String jar = jarOf(method.getClassName(), classPath);
            if (jar != null) {
                sb.append("; ").append(method.getClassName()).append(" comes from the dependency ").append(jar)
                        .append(", which uses what TeaVM's class library lacks, so it cannot run in a proxy-wasm"
                                + " module: remove it or replace it");
                if (jar.toLowerCase(Locale.ROOT).matches(".*(jackson|gson|json).*")) {
                    sb.append(" (for JSON, the SDK's dev.proxywasm.api.json.Json)");
                }
            }
        }
        return sb.toString();
    }

    /** The jar of {@code classPath} that holds {@code className}, or null (the plugin's own classes, the JDK). */
    static String jarOf(String className, List<File> classPath) {
        String entry = className.replace('.', '/') + ".class";
        for (File file : classPath) {
            if (!file.isFile() || !file.getName().endsWith(".jar")) {
                continue;
            }
            try (JarFile jar = new JarFile(file)) {
                if (jar.getEntry(entry) != null) {
                    return file.getName();
                }
            } catch (IOException e) {
                // unreadable: TeaVM could not read it either
            }
        }
        return null;
    }
}
