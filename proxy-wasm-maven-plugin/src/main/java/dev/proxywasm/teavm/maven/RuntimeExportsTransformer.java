package dev.proxywasm.teavm.maven;

import org.teavm.model.AnnotationReader;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;

/**
 * Takes {@code @Export} off TeaVM's own runtime methods ({@code teavm_processQueue},
 * {@code teavm_stopped}, {@code teavm_catchException}, {@code teavm_gc_collect} and the like). They
 * serve TeaVM's JavaScript host; no proxy-wasm host calls them, and as exports they kept their code
 * (the event queue, a full collection on demand) in every module. Without the export TeaVM's own
 * unused-function pass drops what nothing else calls. The plugin's exports are the generated glue's,
 * which this leaves alone.
 */
public final class RuntimeExportsTransformer implements ClassHolderTransformer {
    static final String TEAVM_EXPORT = "org.teavm.interop.Export";

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().startsWith("org.teavm.")) {
            return;
        }
        for (MethodHolder method : cls.getMethods()) {
            AnnotationReader export = method.getAnnotations().get(TEAVM_EXPORT);
            if (export != null && export.getValue("name").getString().startsWith("teavm_")) {
                method.getAnnotations().remove(TEAVM_EXPORT);
            }
        }
    }
}
