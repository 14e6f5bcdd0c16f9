package dev.proxywasm.emulator;

import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A class loader of one JVM-mode emulator's own: the plugin's classes and the SDK's
 * {@code dev.proxywasm.api} and {@code dev.proxywasm.runtime} classes are loaded here again,
 * child first, so the SDK's static state ({@code HostBinding}, the context registry, the async
 * dispatch, the failure guard) belongs to this emulator alone and two emulators run at once.
 *
 * <p>Shared with the emulator, through the parent: the host interface and what crosses it
 * ({@code Host}, its records, {@code HostCallException}), the {@code @Export} marker the guest
 * looks for, the ABI table, and everything else (the JDK, test classes the plugin does not name).
 */
final class PluginClassLoader extends URLClassLoader {
    private static final String API = "dev.proxywasm.api.";
    private static final String RUNTIME = "dev.proxywasm.runtime.";
    private static final Set<String> SHARED = Set.of(dev.proxywasm.runtime.Host.class.getName(),
            dev.proxywasm.runtime.Host.Status.class.getName(), dev.proxywasm.runtime.Host.SharedValue.class.getName(),
            dev.proxywasm.runtime.HostCallException.class.getName(), dev.proxywasm.runtime.Export.class.getName());

    static {
        registerAsParallelCapable();
    }

    private final Set<String> pluginRoots;

    /** Loads {@code pluginClasses}' roots (and the SDK's) child first, the rest from {@code parent}. */
    PluginClassLoader(ClassLoader parent, Class<?>... pluginClasses) {
        super(roots(pluginClasses), parent);
        Set<String> plugin = new LinkedHashSet<>();
        for (Class<?> type : pluginClasses) {
            plugin.add(root(type).toString());
        }
        this.pluginRoots = plugin;
    }

    private static URL[] roots(Class<?>... pluginClasses) {
        Set<URL> roots = new LinkedHashSet<>();
        for (Class<?> type : pluginClasses) {
            roots.add(root(type));
        }
        roots.add(root(dev.proxywasm.runtime.HostBinding.class));
        return roots.toArray(new URL[0]);
    }

    private static URL root(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
        }
        return source.getLocation();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!isOwn(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException e) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /** Whether {@code name} is loaded here: the SDK's API and runtime, and the plugin's own classes. */
    private boolean isOwn(String name) {
        if (SHARED.contains(name)) {
            return false;
        }
        if (name.startsWith(API) || name.startsWith(RUNTIME)) {
            return true;
        }
        URL resource = findResource(name.replace('.', '/') + ".class");
        if (resource == null) {
            return false;
        }
        String location = resource.toString();
        for (String root : pluginRoots) {
            if (location.startsWith(root) || location.startsWith("jar:" + root)) {
                return true;
            }
        }
        return false;
    }

}
