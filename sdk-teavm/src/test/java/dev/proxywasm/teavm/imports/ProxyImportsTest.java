package dev.proxywasm.teavm.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.proxywasm.abi.HostFunction;
import dev.proxywasm.abi.Signature;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.teavm.interop.Import;

/** The WebAssembly imports are the ABI table's host functions: same names, same wasm signatures, none missing. */
class ProxyImportsTest {
    @Test
    void everyImportHasTheTablesNameAndSignature() {
        List<String> wrong = new ArrayList<>();
        for (Method method : imports()) {
            Import spec = method.getAnnotation(Import.class);
            HostFunction function = HostFunction.byName(spec.name());
            if (!spec.module().equals(HostFunction.MODULE) || function == null) {
                wrong.add(method.getName() + " imports " + spec.module() + "." + spec.name()
                        + ", which the table does not have");
                continue;
            }
            Signature declared = signature(method);
            if (!declared.equals(function.signature())) {
                wrong.add(method.getName() + " declares " + spec.name() + " as " + declared + ", the table as "
                        + function.signature());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyHostFunctionIsImported() {
        Set<String> missing = new TreeSet<>();
        for (HostFunction function : HostFunction.values()) {
            missing.add(function.abiName());
        }
        imports().forEach(method -> missing.remove(method.getAnnotation(Import.class).name()));
        assertEquals(Set.of(), missing, "host functions ProxyImports lacks");
    }

    private static List<Method> imports() {
        List<Method> imports = new ArrayList<>();
        for (Method method : ProxyImports.class.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Import.class)) {
                imports.add(method);
            }
        }
        return imports;
    }

    /** The wasm signature TeaVM gives the method. */
    private static Signature signature(Method method) {
        return Signature.of(method);
    }
}
