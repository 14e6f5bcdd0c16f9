package dev.proxywasm.teavm.maven;

import dev.proxywasm.validator.Problem;
import dev.proxywasm.validator.ValidationReport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.teavm.callgraph.CallGraph;
import org.teavm.callgraph.CallGraphNode;
import org.teavm.callgraph.CallSite;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodReference;
import org.teavm.model.TextLocation;
import org.teavm.model.ValueType;

/**
 * Names where the plugin makes a Java call that TeaVM turned into an import no proxy-wasm host
 * provides (an {@link Problem.Kind#UNKNOWN_IMPORT} from {@code teavm} or {@code teavmMath}): the
 * plugin methods that lead to it in TeaVM's call graph, "called from com.example.Plugin.angle
 * (Plugin.java:12)".
 */
final class CallerHints {
    private static final int MAX_CALLERS = 3;

    private CallerHints() {}

    static ValidationReport explain(ValidationReport report, CallGraph graph) {
        if (graph == null) {
            return report;
        }
        List<Problem> problems = new ArrayList<>();
        for (Problem problem : report.problems()) {
            Set<String> callers = problem.kind() == Problem.Kind.UNKNOWN_IMPORT
                    ? callers(graph, problem.module(), problem.name()) : Set.of();
            problems.add(callers.isEmpty() ? problem : problem.explained("; called from " + String.join(", ", callers)));
        }
        return report.withProblems(problems);
    }

    private static Set<String> callers(CallGraph graph, String module, String name) {
        return userCallers(graph, candidates(module, name));
    }

    /** The plugin methods (outside the JDK and TeaVM) that lead to any of {@code targets}, at most three. */
    static Set<String> userCallers(CallGraph graph, List<MethodReference> targets) {
        Set<String> found = new LinkedHashSet<>();
        for (MethodReference target : targets) {
            CallGraphNode node = graph.getNode(target);
            if (node != null) {
                collectUserCallers(node, found);
            }
        }
        return found;
    }

    /** The Java methods TeaVM turns into the import {@code module.name}; none for another module's import. */
    private static List<MethodReference> candidates(String module, String name) {
        List<MethodReference> refs = new ArrayList<>();
        if (module.equals("teavmMath")) {
            for (String cls : List.of("java.lang.Math", "java.lang.StrictMath")) {
                refs.add(new MethodReference(cls, new MethodDescriptor(name, ValueType.DOUBLE, ValueType.DOUBLE)));
                refs.add(new MethodReference(cls, new MethodDescriptor(name, ValueType.DOUBLE, ValueType.DOUBLE,
                        ValueType.DOUBLE)));
                refs.add(new MethodReference(cls, new MethodDescriptor(name, ValueType.FLOAT, ValueType.FLOAT)));
            }
        } else if (!module.equals("teavm")) {
            return refs;
        } else if (name.equals("nanoTime") || name.equals("currentTimeMillis")) {
            refs.add(new MethodReference("java.lang.System", new MethodDescriptor(name, ValueType.LONG)));
        } else if (name.equals("teavm_interrupt")) {
            String thread = "java.lang.Thread";
            refs.add(new MethodReference(thread, new MethodDescriptor("start", ValueType.VOID)));
            refs.add(new MethodReference(thread, new MethodDescriptor("join", ValueType.VOID)));
            refs.add(new MethodReference(thread, new MethodDescriptor("join", ValueType.LONG, ValueType.VOID)));
            refs.add(new MethodReference(thread, new MethodDescriptor("sleep", ValueType.LONG, ValueType.VOID)));
            refs.add(new MethodReference(thread, new MethodDescriptor("sleep", ValueType.LONG, ValueType.INTEGER,
                    ValueType.VOID)));
            refs.add(new MethodReference(thread, new MethodDescriptor("yield", ValueType.VOID)));
            refs.add(new MethodReference("java.lang.Object", new MethodDescriptor("wait", ValueType.LONG,
                    ValueType.VOID)));
        }
        return refs;
    }

    /** Walks up the call graph to the first methods outside the JDK and TeaVM. */
    private static void collectUserCallers(CallGraphNode start, Set<String> found) {
        Deque<CallGraphNode> queue = new ArrayDeque<>();
        Set<MethodReference> visited = new HashSet<>();
        queue.add(start);
        while (!queue.isEmpty() && found.size() < MAX_CALLERS) {
            CallGraphNode node = queue.poll();
            if (!visited.add(node.getMethod())) {
                continue;
            }
            for (CallSite site : node.getCallerCallSites()) {
                for (CallGraphNode caller : site.getCallers()) {
                    String cls = caller.getMethod().getClassName();
                    if (cls.startsWith("java.") || cls.startsWith("org.teavm.")) {
                        queue.add(caller);
                    } else {
                        found.add(describe(caller, site));
                    }
                }
            }
        }
    }

    /** {@code com.example.Plugin.start (Plugin.java:12, 15)}: every line of the method that makes the call. */
    private static String describe(CallGraphNode caller, CallSite site) {
        MethodReference method = caller.getMethod();
        StringBuilder sb = new StringBuilder(method.getClassName()).append('.').append(method.getName());
        String file = null;
        java.util.Set<Integer> lines = new java.util.TreeSet<>();
        for (TextLocation location : site.getLocations(caller)) {
            if (location != null && location.getFileName() != null) {
                file = location.getFileName();
                lines.add(location.getLine());
            }
        }
        if (file != null) {
            sb.append(" (").append(file.substring(file.lastIndexOf('/') + 1)).append(':');
            String separator = "";
            for (int line : lines) {
                sb.append(separator).append(line);
                separator = ", ";
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
