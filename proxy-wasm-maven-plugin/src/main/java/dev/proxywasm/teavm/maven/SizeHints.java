package dev.proxywasm.teavm.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.teavm.callgraph.CallGraph;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodReference;
import org.teavm.model.ValueType;

/**
 * The heavy parts of the class library that plugins pull in by accident, each with what it cost
 * when measured in a sample, where the plugin calls it (TeaVM's call graph), and what to use instead.
 */
final class SizeHints {
    private static final ValueType STRING = ValueType.object("java.lang.String");
    private static final ValueType OBJECTS = ValueType.arrayOf(ValueType.object("java.lang.Object"));
    /** String.format's machinery, which pulls floating-point text in with it. */
    private static final String FORMATTER = "java.util.Formatter";

    /** A heavy part: the class whose presence shows it, what the user wrote, its cost, the calls. */
    private record Heavy(String marker, String what, String cost, String instead, List<MethodReference> calls) {}

    private static final List<Heavy> HEAVY = List.of(
            new Heavy("java.util.regex.Pattern", "regular expressions (String.split, matches, replaceAll, Pattern)",
                    "about 250 KB (properties-auth: 395,640 bytes with one String.split, 129,613 without)",
                    "indexOf and substring",
                    List.of(method("java.lang.String", "split", STRING, ValueType.arrayOf(STRING)),
                            method("java.lang.String", "split", STRING, ValueType.INTEGER, ValueType.arrayOf(STRING)),
                            method("java.lang.String", "matches", STRING, ValueType.BOOLEAN),
                            method("java.lang.String", "replaceAll", STRING, STRING, STRING),
                            method("java.lang.String", "replaceFirst", STRING, STRING, STRING),
                            method("java.util.regex.Pattern", "compile", STRING,
                                    ValueType.object("java.util.regex.Pattern")))),
            new Heavy(FORMATTER, "String.format / formatted",
                    "about 430 KB (a 172 KB filter grew to 602 KB)", "string concatenation",
                    List.of(method("java.lang.String", "format", STRING, OBJECTS, STRING),
                            method("java.lang.String", "formatted", OBJECTS, STRING))),
            new Heavy("org.teavm.classlib.impl.text.DoubleAnalyzer",
                    "floating-point parsing or printing (Double.parseDouble, \"\" + double)",
                    "about 60 KB", "integers, or the SDK's JsonNumber",
                    List.of(method("java.lang.Double", "parseDouble", STRING, ValueType.DOUBLE),
                            method("java.lang.Double", "toString", ValueType.DOUBLE, STRING),
                            method("java.lang.String", "valueOf", ValueType.DOUBLE, STRING),
                            method("java.lang.StringBuilder", "append", ValueType.DOUBLE,
                                    ValueType.object("java.lang.StringBuilder")),
                            method("java.lang.Float", "parseFloat", STRING, ValueType.FLOAT))));

    private SizeHints() {}

    /** One line per heavy part the module includes; {@code graph} may be null (no call sites then). */
    static List<String> of(Collection<String> classes, CallGraph graph) {
        List<String> hints = new ArrayList<>();
        for (Heavy heavy : HEAVY) {
            if (!classes.contains(heavy.marker())) {
                continue;
            }
            Set<String> callers = graph == null ? Set.of() : CallerHints.userCallers(graph, heavy.calls());
            String where = !callers.isEmpty() ? "; called from " + String.join(", ", callers)
                    : !heavy.marker().equals(FORMATTER) && classes.contains(FORMATTER) ? "; String.format pulls it in"
                    : "";
            hints.add("the module includes " + heavy.what() + ", " + heavy.cost() + where + "; use "
                    + heavy.instead() + " instead to keep the module small");
        }
        return hints;
    }

    private static MethodReference method(String owner, String name, ValueType... signature) {
        return new MethodReference(owner, new MethodDescriptor(name, signature));
    }
}
