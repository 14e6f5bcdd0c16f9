package dev.proxywasm.teavm.maven;

import static dev.proxywasm.teavm.maven.IrInstructions.invoke;

import dev.proxywasm.abi.AbiCodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.Instruction;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.MethodReference;
import org.teavm.model.Program;
import org.teavm.model.ValueType;
import org.teavm.model.Variable;
import org.teavm.model.instructions.ArrayElementType;
import org.teavm.model.instructions.AssignInstruction;
import org.teavm.model.instructions.ConstructArrayInstruction;
import org.teavm.model.instructions.ConstructInstruction;
import org.teavm.model.instructions.GetFieldInstruction;
import org.teavm.model.instructions.IntegerConstantInstruction;
import org.teavm.model.instructions.InvocationType;
import org.teavm.model.instructions.InvokeInstruction;
import org.teavm.model.instructions.PutElementInstruction;
import org.teavm.model.instructions.StringConstantInstruction;
import org.teavm.model.instructions.UnwrapArrayInstruction;
import org.teavm.model.util.UsageExtractor;

/**
 * Turns {@code Log.info("a" + b + c)} (any of the one-level methods) into
 * {@code LogLine.write(INFO, new String[] {"a", String.valueOf(b), String.valueOf(c)})}, whose
 * backend encodes the parts one after the other into the buffer it passes to the host. A log line
 * is a plugin's commonest concatenation, and TeaVM 0.13.1 makes each one a {@code StringBuilder},
 * its 64-char buffer and a string copied out of it, only for the host call to copy it again: in
 * http-headers that was about a tenth of a request's time.
 *
 * <p>TeaVM has already turned the concatenation into {@code new StringBuilder()}, one
 * {@code append} per value and {@code toString()} when its classes reach this transformer; the
 * same code written by hand looks the same. It is rewritten only when all of it is in one block and
 * the builder, each {@code append}'s result and the string are used by nothing else. Each value is
 * still turned into a string where its {@code append} stood, in the same order, so {@code toString}
 * runs as before. A {@code float} or {@code double} append, or any other use of the builder, leaves
 * the code to TeaVM, as does an {@code append(char[])}, and TeaVM's own runtime is left alone.
 */
public final class LogConcatTransformer implements ClassHolderTransformer {
    static final String LOG = "dev.proxywasm.api.Log";
    static final String BUILDER = "java.lang.StringBuilder";
    private static final ValueType STRING = ValueType.object(StringAppendTransformer.STRING);
    static final MethodReference LOG_LINE = new MethodReference("dev.proxywasm.runtime.LogLine", "write",
            ValueType.INTEGER, ValueType.arrayOf(STRING), ValueType.VOID);
    private static final Map<String, Integer> LEVELS = Map.of("trace", AbiCodes.LOG_TRACE, "debug",
            AbiCodes.LOG_DEBUG, "info", AbiCodes.LOG_INFO, "warn", AbiCodes.LOG_WARN, "error", AbiCodes.LOG_ERROR,
            "critical", AbiCodes.LOG_CRITICAL);

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (cls.getName().startsWith("org.teavm.")) {
            return;
        }
        for (MethodHolder method : cls.getMethods()) {
            if (method.getProgram() != null) {
                rewrite(method.getProgram(), method.getDescriptor());
            }
        }
    }

    /** A concatenation that only goes to the log: its instructions, first to last. */
    private record Line(ConstructInstruction builder, InvokeInstruction init, List<InvokeInstruction> appends,
            InvokeInstruction text, List<AssignInstruction> copies, InvokeInstruction log) {}

    /** Rewrites the program's concatenations that only go to the log; returns how many. */
    static int rewrite(Program program, MethodDescriptor method) {
        List<ConstructInstruction> builders = new ArrayList<>();
        for (int b = 0; b < program.basicBlockCount(); b++) {
            for (Instruction instruction : program.basicBlockAt(b)) {
                if (instruction instanceof ConstructInstruction construct && construct.getType().equals(BUILDER)) {
                    builders.add(construct);
                }
            }
        }
        if (builders.isEmpty()) {
            return 0;
        }
        Map<Variable, Integer> uses = IrInstructions.uses(program);
        List<Line> lines = new ArrayList<>();
        for (ConstructInstruction builder : builders) {
            Line line = line(builder, uses);
            if (line != null) {
                lines.add(line);
            }
        }
        if (!lines.isEmpty()) {
            Map<Variable, Integer> definitions = IrInstructions.definitions(program);
            lines.forEach(line -> replace(line, method, definitions));
        }
        return lines.size();
    }

    /**
     * The concatenation {@code builder} starts, if the rest of its block takes it to a one-level
     * {@code Log} call and nothing else: the builder and each {@code append}'s result (the same
     * builder) are read only by its {@code <init>}, {@code append}s, {@code toString} and copies,
     * and the string only by copies and the log call.
     */
    private static Line line(ConstructInstruction builder, Map<Variable, Integer> uses) {
        Set<Variable> chain = new HashSet<>(List.of(builder.getReceiver()));
        Set<Variable> text = new HashSet<>();
        Map<Variable, Integer> seen = new HashMap<>();
        InvokeInstruction init = null;
        InvokeInstruction toString = null;
        List<InvokeInstruction> appends = new ArrayList<>();
        List<AssignInstruction> copies = new ArrayList<>();
        UsageExtractor extractor = new UsageExtractor();
        for (Instruction at = builder.getNext(); at != null; at = at.getNext()) {
            at.acceptVisitor(extractor);
            boolean touches = false;
            for (Variable used : extractor.getUsedVariables()) {
                if (chain.contains(used) || text.contains(used)) {
                    touches = true;
                    seen.merge(used, 1, Integer::sum);
                }
            }
            if (!touches) {
                continue;
            }
            if (at instanceof AssignInstruction copy) {
                (chain.contains(copy.getAssignee()) ? chain : text).add(copy.getReceiver());
                copies.add(copy);
            } else if (!(at instanceof InvokeInstruction call)) {
                return null;
            } else if (toString == null && builderCall(call, "<init>") && init == null && appends.isEmpty()
                    && call.getArguments().isEmpty()) {
                init = call;
            } else if (toString == null && builderCall(call, "append") && init != null
                    && chain.contains(call.getInstance()) && call.getArguments().size() == 1
                    && !chain.contains(call.getArguments().get(0))
                    && valueOf(call.getMethod().parameterType(0)) != null) {
                appends.add(call);
                if (call.getReceiver() != null) {
                    chain.add(call.getReceiver());
                }
            } else if (toString == null && builderCall(call, "toString") && chain.contains(call.getInstance())
                    && !appends.isEmpty() && call.getReceiver() != null) {
                toString = call;
                text.add(call.getReceiver());
            } else if (toString != null && call.getMethod().getClassName().equals(LOG)
                    && LEVELS.containsKey(call.getMethod().getName()) && call.getArguments().size() == 1
                    && text.contains(call.getArguments().get(0))) {
                chain.addAll(text);
                for (Variable variable : chain) {
                    if (!uses.getOrDefault(variable, 0).equals(seen.getOrDefault(variable, 0))) {
                        return null;
                    }
                }
                return new Line(builder, init, appends, toString, copies, call);
            } else {
                return null;
            }
        }
        return null;
    }

    private static boolean builderCall(InvokeInstruction call, String name) {
        return call.getMethod().getClassName().equals(BUILDER) && (name == null || call.getMethod().getName().equals(name));
    }

    /**
     * The {@code String.valueOf} that turns a value of {@code type} into what {@code append} appends,
     * or null for a type whose {@code append} differs from it or that this rewrite leaves alone.
     */
    private static MethodReference valueOf(ValueType type) {
        ValueType parameter;
        if (type instanceof ValueType.Object) {
            // append(char[]) appends the chars, where String.valueOf(Object) would name the array.
            parameter = ValueType.object("java.lang.Object");
        } else if (type == ValueType.INTEGER || type == ValueType.LONG || type == ValueType.CHARACTER
                || type == ValueType.BOOLEAN) {
            parameter = type;
        } else {
            return null;
        }
        return new MethodReference(StringAppendTransformer.STRING, "valueOf", parameter, STRING);
    }

    private static void replace(Line line, MethodDescriptor method, Map<Variable, Integer> definitions) {
        Program program = line.log().getProgram();
        List<Variable> strings = new ArrayList<>();
        for (InvokeInstruction append : line.appends()) {
            Variable value = append.getArguments().get(0);
            if (isString(append, value, method, definitions)) {
                strings.add(value); // already the string it appends, or null, which the host writes as "null"
                append.delete();
                continue;
            }
            Variable string = program.createVariable();
            InvokeInstruction convert = invoke(InvocationType.SPECIAL, valueOf(append.getMethod().parameterType(0)),
                    null, string, append.getArguments().get(0));
            convert.setLocation(append.getLocation());
            append.replace(convert);
            strings.add(string);
        }
        List<Instruction> build = new ArrayList<>();
        ConstructArrayInstruction array = new ConstructArrayInstruction();
        array.setItemType(STRING);
        array.setSize(constant(program, build, strings.size()));
        array.setReceiver(program.createVariable());
        build.add(array);
        UnwrapArrayInstruction data = new UnwrapArrayInstruction(ArrayElementType.OBJECT);
        data.setArray(array.getReceiver());
        data.setReceiver(program.createVariable());
        build.add(data);
        for (int i = 0; i < strings.size(); i++) {
            PutElementInstruction put = new PutElementInstruction(ArrayElementType.OBJECT);
            put.setArray(data.getReceiver());
            put.setIndex(constant(program, build, i));
            put.setValue(strings.get(i));
            build.add(put);
        }
        Variable level = constant(program, build, LEVELS.get(line.log().getMethod().getName()));
        build.add(invoke(InvocationType.SPECIAL, LOG_LINE, null, null, level, array.getReceiver()));
        for (Instruction instruction : build) {
            instruction.setLocation(line.log().getLocation());
        }
        line.log().insertPreviousAll(build);
        line.log().delete();
        line.copies().forEach(Instruction::delete);
        line.text().delete();
        line.init().delete();
        line.builder().delete();
    }

    /**
     * Whether {@code value} is known to be a {@code String} (or null) where {@code use} reads it: a
     * string constant, the result of a method or field of that type, or a parameter of that type;
     * through copies, within the block. {@code String.valueOf} would give it back as it is.
     */
    private static boolean isString(Instruction use, Variable value, MethodDescriptor method,
            Map<Variable, Integer> definitions) {
        Variable wanted = value;
        for (Instruction at = use.getPrevious(); at != null; at = at.getPrevious()) {
            if (at instanceof AssignInstruction copy && copy.getReceiver() == wanted) {
                wanted = copy.getAssignee();
            } else if (at instanceof StringConstantInstruction constant && constant.getReceiver() == wanted) {
                return true;
            } else if (at instanceof InvokeInstruction call && call.getReceiver() == wanted) {
                return STRING.equals(call.getMethod().getReturnType());
            } else if (at instanceof GetFieldInstruction field && field.getReceiver() == wanted) {
                return STRING.equals(field.getFieldType());
            }
        }
        int parameter = wanted.getIndex() - 1; // variable 0 is this, even in a static method
        return parameter >= 0 && parameter < method.parameterCount() && STRING.equals(method.parameterType(parameter))
                && !definitions.containsKey(wanted);
    }

    private static Variable constant(Program program, List<Instruction> into, int value) {
        IntegerConstantInstruction constant = new IntegerConstantInstruction();
        constant.setConstant(value);
        constant.setReceiver(program.createVariable());
        into.add(constant);
        return constant.getReceiver();
    }
}
