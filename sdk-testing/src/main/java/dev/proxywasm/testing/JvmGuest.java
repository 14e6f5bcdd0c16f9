package dev.proxywasm.testing;

import dev.proxywasm.runtime.HostBinding;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.interop.Export;

/**
 * Runs the plugin on the JVM by calling the generated glue class's static export methods, with
 * the emulator bound as the host. The SDK's runtime state is static, so each emulator resets it.
 */
final class JvmGuest implements Guest {
    private final Map<String, MethodHandle> exports = new HashMap<>();
    private final EmulatedHost host;

    /**
     * @param classes the generated glue, then any class whose own static {@code @Export} methods
     *     the module also exports (the plugin class may declare raw callbacks)
     */
    JvmGuest(List<Class<?>> classes, EmulatedHost host) {
        this.host = host;
        for (Class<?> type : classes) {
            collectExports(type);
        }
        dev.proxywasm.runtime.Contexts.clear();
        dev.proxywasm.runtime.AsyncDispatch.clear();
        dev.proxywasm.runtime.RegisteredQueues.clear();
        dev.proxywasm.runtime.Guard.setStackTrace(JvmGuest::stackTrace);
        HostBinding.bind(host);
    }

    /** The failure's stack, appended to the SDK's failure log line: the JVM mode's debugging aid. */
    private static String stackTrace(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return "\n" + out.toString().stripTrailing();
    }

    private void collectExports(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (!Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Export export = method.getAnnotation(Export.class);
            if (export != null) {
                try {
                    method.setAccessible(true);
                    exports.putIfAbsent(export.name(), MethodHandles.lookup().unreflect(method));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("cannot call " + method, e);
                }
            }
        }
    }

    @Override
    public boolean exports(String name) {
        return exports.containsKey(name);
    }

    @Override
    public int call(String name, int... args) {
        MethodHandle handle = exports.get(name);
        if (handle == null) {
            throw new IllegalArgumentException("the plugin does not export " + name);
        }
        HostBinding.bind(host.failures == null ? host : host.failures.jvmHost(host));
        try {
            Object[] boxed = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                boxed[i] = args[i];
            }
            Object result = handle.invokeWithArguments(boxed);
            return result instanceof Integer i ? i : 0;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int memoryPages() {
        return -1;
    }

    @Override
    public void close() {
        dev.proxywasm.runtime.Contexts.clear();
        HostBinding.bind(null);
    }
}
