package dev.proxywasm.teavm.maven;

import org.teavm.model.AnnotationHolder;
import org.teavm.model.AnnotationReader;
import org.teavm.model.AnnotationValue;
import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodHolder;

/**
 * Gives every method the SDK marks {@code @dev.proxywasm.runtime.Export} TeaVM's own
 * {@code @org.teavm.interop.Export} with the same name. The glue is compiled in the plugin's project
 * against the SDK's neutral API alone, so it cannot name TeaVM's annotation itself.
 */
public final class ExportTransformer implements ClassHolderTransformer {
    static final String SDK_EXPORT = "dev.proxywasm.runtime.Export";
    static final String TEAVM_EXPORT = "org.teavm.interop.Export";

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        for (MethodHolder method : cls.getMethods()) {
            AnnotationReader export = method.getAnnotations().get(SDK_EXPORT);
            if (export == null || method.getAnnotations().get(TEAVM_EXPORT) != null) {
                continue;
            }
            AnnotationHolder teavmExport = new AnnotationHolder(TEAVM_EXPORT);
            teavmExport.getValues().put("name", new AnnotationValue(export.getValue("name").getString()));
            method.getAnnotations().add(teavmExport);
        }
    }
}
