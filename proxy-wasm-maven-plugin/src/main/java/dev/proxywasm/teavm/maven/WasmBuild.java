package dev.proxywasm.teavm.maven;

import dev.proxywasm.validator.CallSiteIdFolder;
import dev.proxywasm.validator.CheckShortener;
import dev.proxywasm.validator.DataCompressor;
import dev.proxywasm.validator.ExportStripper;
import dev.proxywasm.validator.ModuleValidator;
import dev.proxywasm.validator.ValidationReport;
import dev.proxywasm.validator.ZeroRunRemover;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.teavm.diagnostics.Problem;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMTool;
import org.teavm.tooling.TeaVMToolException;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * Turns compiled plugin classes into a checked proxy-wasm module: TeaVM 0.13.1 with the WASI
 * target and the build's corrections to its runtime (the transformers), then {@code _start}/{@code
 * start} removed and the zeros left out of the data segment, then {@link ModuleValidator}, whose
 * problems {@link TeaVmHints} and {@link CallerHints} explain in Java terms. Independent of Maven so
 * tests can drive it directly.
 */
public final class WasmBuild {
    /** Exports TeaVM adds that a proxy-wasm host must never call. */
    static final Set<String> COMMAND_EXPORTS = Set.of("_start", "start");

    /**
     * The interop exports TeaVM's WebAssembly generator writes into every module, for a JavaScript
     * host that makes Java strings and arrays in the module's memory. No proxy-wasm host calls them;
     * their entries alone were about 580 bytes of every module (their small bodies stay: nothing in
     * the module is renumbered).
     */
    static final Set<String> INTEROP_EXPORTS = Set.of("teavm_allocateString", "teavm_stringData",
            "teavm_allocateObjectArray", "teavm_allocateStringArray", "teavm_allocateByteArray",
            "teavm_allocateShortArray", "teavm_allocateCharArray", "teavm_allocateIntArray",
            "teavm_allocateLongArray", "teavm_allocateFloatArray", "teavm_allocateDoubleArray",
            "teavm_objectArrayData", "teavm_byteArrayData", "teavm_shortArrayData", "teavm_charArrayData",
            "teavm_intArrayData", "teavm_longArrayData", "teavm_floatArrayData", "teavm_doubleArrayData",
            "teavm_arrayLength", "teavm_javaHeapAddress", "teavm_availableBytes", "teavm_regionsAddress",
            "teavm_regionSize");

    /** What {@link #run} takes off TeaVM's exports. */
    private static final Set<String> STRIPPED_EXPORTS = union(COMMAND_EXPORTS, INTEROP_EXPORTS);

    private final List<File> classPath;
    private final String mainClass;
    private final Path output;
    private final Path workDirectory;
    private int minHeapMiB = 1;
    private boolean debugNames;
    private int maxHeapMiB = 128;
    private TeaVMOptimizationLevel optimization = TeaVMOptimizationLevel.ADVANCED;

    /**
     * @param classPath the plugin's classes and its compile dependencies
     * @param mainClass the generated glue class (see {@code META-INF/proxy-wasm/main-class})
     * @param output where the checked module goes
     * @param workDirectory where TeaVM writes its raw output
     */
    public WasmBuild(List<File> classPath, String mainClass, Path output, Path workDirectory) {
        this.classPath = List.copyOf(classPath);
        this.mainClass = mainClass;
        this.output = output;
        this.workDirectory = workDirectory;
    }

    /** Initial and maximum heap in MiB; the maximum becomes the memory's limit in every Envoy worker. */
    public WasmBuild heap(int minMiB, int maxMiB) {
        this.minHeapMiB = minMiB;
        this.maxHeapMiB = maxMiB;
        return this;
    }

    /**
     * Keeps a name section of Java method names, so that a trap's backtrace in Envoy and a V8
     * profile name the Java methods; the module grows (http-headers: 114,242 to 203,863 bytes).
     */
    public WasmBuild debugNames(boolean keep) {
        this.debugNames = keep;
        return this;
    }

    /** TeaVM's optimisation level; ADVANCED gives the smallest modules. */
    public WasmBuild optimization(TeaVMOptimizationLevel level) {
        this.optimization = level;
        return this;
    }

    /** The outcome: the module's bytes, TeaVM's severe problems, and the validation report. */
    public record Result(byte[] module, List<String> compileErrors, ValidationReport report, List<String> sizeHints) {
        public boolean ok() {
            return compileErrors.isEmpty() && !report.hasErrors();
        }
    }

    /**
     * Compiles, strips and validates; {@code log} receives progress lines. Only a module that passed
     * validation reaches the output path, moved there in one step; any earlier module there is
     * deleted first, so a failed build never leaves one behind for a later goal to ship.
     */
    public Result run(Consumer<String> log) throws IOException {
        Files.deleteIfExists(output);
        Files.createDirectories(workDirectory);
        String rawName = "raw.wasm";
        Files.deleteIfExists(workDirectory.resolve(rawName));
        TeaVMTool tool = new TeaVMTool();
        tool.setTargetType(TeaVMTargetType.WEBASSEMBLY_WASI);
        tool.setMainClass(mainClass);
        tool.setTargetDirectory(workDirectory.toFile());
        tool.setTargetFileName(rawName);
        tool.setOptimizationLevel(optimization);
        tool.setObfuscated(!debugNames);
        tool.setMinHeapSize(minHeapMiB * 1024 * 1024);
        tool.setMaxHeapSize(maxHeapMiB * 1024 * 1024);
        tool.setLog(new QuietToolLog(log));
        // TeaVM reads classes from exactly these jars: the plugin's classpath and TeaVM's own class
        // library, never this Maven plugin's classpath (which has its own copy of the SDK).
        tool.setClassPath(withTeaVmLibraries(classPath));
        if (Boolean.getBoolean("proxywasm.stats")) {
            tool.getProperties().setProperty("teavm.wasm.stats", "true");
        }
        tool.getTransformers().add(ExportTransformer.class.getName());
        tool.getTransformers().add(HeapLimitTransformer.class.getName());
        tool.getTransformers().add(HeapGrowthTransformer.class.getName());
        tool.getTransformers().add(StaticRootsTransformer.class.getName());
        tool.getTransformers().add(FullCollectionBeforeGrowthTransformer.class.getName());
        tool.getTransformers().add(CommandStartTransformer.class.getName());
        tool.getTransformers().add(RuntimeExportsTransformer.class.getName());
        tool.getTransformers().add(StringAppendTransformer.class.getName());
        tool.getTransformers().add(ArrayCopyLengthTransformer.class.getName());
        tool.getTransformers().add(BuilderCapacityTransformer.class.getName());
        tool.getTransformers().add(StringAdoptTransformer.class.getName());
        tool.getTransformers().add(StringCharsTransformer.class.getName());
        tool.getTransformers().add(StringCopyTransformer.class.getName());
        tool.getTransformers().add(DivisionTransformer.class.getName());
        tool.getTransformers().add(LogConcatTransformer.class.getName());
        tool.getTransformers().add(IntegerTextTransformer.class.getName());
        tool.getTransformers().add(ZeroFillTransformer.class.getName());
        tool.getTransformers().add(AlignTransformer.class.getName());
        List<String> compileErrors = new ArrayList<>();
        HeapLimitTransformer.LIMIT.set((long) maxHeapMiB * 1024 * 1024);
        try (URLClassLoader loader = new URLClassLoader(urls(classPath), WasmBuild.class.getClassLoader())) {
            tool.setClassLoader(loader);
            tool.generate();
        } catch (TeaVMToolException e) {
            compileErrors.add("TeaVM failed: " + e.getMessage());
            return new Result(new byte[0], compileErrors, emptyReport(), List.of());
        } finally {
            HeapLimitTransformer.LIMIT.remove();
        }
        for (Problem problem : tool.getProblemProvider().getSevereProblems()) {
            compileErrors.add(ProblemText.describe(problem, classPath));
        }
        if (!compileErrors.isEmpty()) {
            return new Result(new byte[0], compileErrors, emptyReport(), List.of());
        }
        Path rawModule = workDirectory.resolve(rawName);
        byte[] raw = Files.readAllBytes(rawModule);
        Files.delete(rawModule);
        byte[] module = DataCompressor.apply(ZeroRunRemover.apply(
                CheckShortener.apply(CallSiteIdFolder.apply(ExportStripper.strip(raw, STRIPPED_EXPORTS)))));
        ValidationReport report = TeaVmHints.explain(ModuleValidator.validate(module));
        if (report.hasErrors()) {
            report = CallerHints.explain(report, tool.getDependencyInfo().getCallGraph());
            return new Result(module, List.of(), report, SizeHints.of(tool.getClasses(), tool.getDependencyInfo().getCallGraph()));
        }
        writeInPlace(module);
        return new Result(module, List.of(), report, SizeHints.of(tool.getClasses(), tool.getDependencyInfo().getCallGraph()));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** Writes beside the output, then renames: a reader never sees half a module. */
    private void writeInPlace(byte[] module) throws IOException {
        Path directory = output.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Written like any file (the umask's permissions), not as a temporary file: createTempFile
        // makes it readable by its owner only, and an Envoy running as another user (the container
        // image's) could not load the module.
        Path partial = directory.resolve(output.getFileName() + ".partial");
        try {
            Files.write(partial, module);
            try {
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static ValidationReport emptyReport() {
        return new ValidationReport(List.of(), List.of(), List.of());
    }

    /**
     * The plugin's classpath first (its classes and its SDK version win), then the jars this Maven
     * plugin runs with, which hold TeaVM's class library and its dependencies.
     */
    private static List<File> withTeaVmLibraries(List<File> classPath) {
        List<File> all = new ArrayList<>(classPath);
        if (WasmBuild.class.getClassLoader() instanceof URLClassLoader realm) {
            for (URL url : realm.getURLs()) {
                try {
                    File file = new File(url.toURI());
                    if (!all.contains(file)) {
                        all.add(file);
                    }
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    // not a file: TeaVM cannot read it either
                }
            }
        } else {
            // Outside Maven (tests, a plain command) TeaVM is on the application classpath.
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                File file = new File(entry);
                if (!all.contains(file)) {
                    all.add(file);
                }
            }
        }
        return all;
    }

    private static URL[] urls(List<File> files) throws MalformedURLException {
        URL[] urls = new URL[files.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = files.get(i).toURI().toURL();
        }
        return urls;
    }

}
