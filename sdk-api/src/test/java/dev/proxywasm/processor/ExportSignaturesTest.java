package dev.proxywasm.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.abi.Signature;
import dev.proxywasm.runtime.Export;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The exports the processor writes are the ABI table's: compiled from the golden plugins, which
 * together handle every callback, each {@code @Export} method has the name and the wasm signature
 * Envoy calls.
 */
class ExportSignaturesTest {
    private static final List<String> PLUGINS = List.of("AddHeader", "Rewrite", "TcpLogger", "Validate");
    /** The marker is never called; any function export of that name declares the version. */
    private static final Signature MARKER = Signature.parse("()->()");

    @Test
    void everyExportHasTheTablesSignature() throws IOException, ClassNotFoundException {
        List<String> wrong = new ArrayList<>();
        for (Method method : exportMethods()) {
            String name = method.getAnnotation(Export.class).name();
            GuestExport export = GuestExport.byName(name);
            Signature expected = name.equals(GuestExport.ABI_MARKER) ? MARKER
                    : export == null ? null : export.signature();
            Signature written = signature(method);
            if (!written.equals(expected)) {
                wrong.add(method.getDeclaringClass().getSimpleName() + "." + method.getName() + " exports " + name
                        + " as " + written + (expected == null ? ", which the table does not have"
                                : ", the table as " + expected));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theGoldenPluginsTogetherEmitEveryExportTheProcessorCanWrite() throws IOException, ClassNotFoundException {
        Set<String> missing = new TreeSet<>(Set.of(GuestExport.ABI_MARKER, GuestExport.Names.INITIALIZE,
                GuestExport.Names.MALLOC, GuestExport.Names.PROXY_ON_MEMORY_ALLOCATE,
                GuestExport.Names.PROXY_ON_CONTEXT_CREATE, GuestExport.Names.PROXY_ON_DELETE));
        for (Callback callback : Callback.values()) {
            missing.add(callback.export.abiName());
        }
        for (Method method : exportMethods()) {
            missing.remove(method.getAnnotation(Export.class).name());
        }
        assertEquals(Set.of(), missing, "exports no golden plugin makes the processor write");
    }

    /** The {@code @Export} methods of every golden plugin's generated glue, loaded from the compiled classes. */
    private static List<Method> exportMethods() throws IOException, ClassNotFoundException {
        List<Method> exports = new ArrayList<>();
        for (String plugin : PLUGINS) {
            Compilation compilation = javac().withProcessors(new GlueProcessor())
                    .compile(JavaFileObjects.forResource("good/example/" + plugin + ".java"));
            assertThat(compilation).succeeded();
            Class<?> glue = new CompiledClasses(compilation).loadClass("example." + plugin + "_ProxyWasm");
            for (Method method : glue.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Export.class)) {
                    exports.add(method);
                }
            }
        }
        return exports;
    }

    /** The wasm signature TeaVM gives the method. */
    private static Signature signature(Method method) {
        return Signature.of(method);
    }

    /** Loads the classes a compilation wrote, the SDK's from the test's own class path. */
    private static final class CompiledClasses extends ClassLoader {
        private final Map<String, byte[]> classes = new HashMap<>();

        CompiledClasses(Compilation compilation) throws IOException {
            super(ExportSignaturesTest.class.getClassLoader());
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.getKind() == JavaFileObject.Kind.CLASS) {
                    String path = file.toUri().getPath();
                    String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                            path.length() - ".class".length()).replace('/', '.');
                    try (InputStream in = file.openInputStream()) {
                        classes.put(name, in.readAllBytes());
                    }
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
