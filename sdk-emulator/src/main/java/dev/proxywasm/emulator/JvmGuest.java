package dev.proxywasm.emulator;

import dev.proxywasm.abi.GuestExport;
import dev.proxywasm.runtime.Export;
import dev.proxywasm.runtime.Host;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the plugin on the JVM by calling the generated glue class's static export methods. The
 * plugin and the SDK's runtime are loaded in a {@link PluginClassLoader} of this guest's own, so
 * the runtime's static state (the bound host above all) is this emulator's alone.
 */
final class JvmGuest implements Guest {
    private final Map<GuestExport, MethodHandle> exports = new EnumMap<>(GuestExport.class);
    private final EmulatedHost host;
    private final PluginClassLoader loader;
    private final MethodHandle bind;

    /**
     * @param classes the generated glue, then any class whose own static {@code @Export} methods
     *     the module also exports (the plugin class may declare raw callbacks)
     */
    JvmGuest(List<Class<?>> classes, EmulatedHost host) {
        this.host = host;
        this.loader = new PluginClassLoader(classes.get(0).getClassLoader(), classes.toArray(new Class<?>[0]));
        try {
            collectExports(Class.forName(classes.get(0).getName(), true, loader));
            collectExports(runtimeClass("AsyncExports"));
            collectExports(runtimeClass("GrpcExports"));
            for (Class<?> type : classes.subList(1, classes.size())) {
                collectExports(Class.forName(type.getName(), true, loader));
            }
            this.bind = MethodHandles.publicLookup().findStatic(runtimeClass("HostBinding"), "bind",
                    MethodType.methodType(void.class, Host.class));
            MethodHandles.publicLookup().findStatic(runtimeClass("Guard"), "setStackTrace",
                    MethodType.methodType(void.class, Function.class))
                    .invoke((Function<Throwable, String>) JvmGuest::stackTrace);
            bind.invoke((Host) host);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load the plugin on the JVM", e);
        }
    }

    private Class<?> runtimeClass(String simpleName) throws ClassNotFoundException {
        return Class.forName(Host.class.getPackageName() + "." + simpleName, true, loader);
    }

    /** The failure's stack, appended to the SDK's failure log line: the JVM mode's debugging aid. */
    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return "\n" + out.toString().stripTrailing();
    }

    private void collectExports(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            Export export = method.getAnnotation(Export.class);
            GuestExport entry = export == null ? null : GuestExport.byName(export.name());
            if (entry == null || !Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            try {
                method.setAccessible(true);
                exports.putIfAbsent(entry, MethodHandles.lookup().unreflect(method));
            } catch (IllegalAccessException | RuntimeException e) {
                throw new IllegalStateException("cannot call " + method, e);
            }
        }
    }

    @Override
    public boolean exports(GuestExport export) {
        return exports.containsKey(export);
    }

    @Override
    public int call(GuestExport export, int... args) {
        Guest.checkArguments(export, args);
        MethodHandle handle = exports.get(export);
        if (handle == null) {
            throw new IllegalArgumentException("the plugin does not export " + export.abiName());
        }
        try {
            bind.invoke(host.failures == null ? (Host) host : host.failures.jvmHost(host));
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
        try {
            bind.invoke((Host) null);
            loader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
