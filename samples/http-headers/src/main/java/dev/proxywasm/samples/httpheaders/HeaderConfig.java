package dev.proxywasm.samples.httpheaders;

import dev.proxywasm.api.NonEmpty;
import dev.proxywasm.api.PluginConfiguration;

/**
 * The header the plugin adds to every response; without a configuration it adds none.
 *
 * @param header the header's name
 * @param value the header's value
 */
@PluginConfiguration
record HeaderConfig(@NonEmpty String header, @NonEmpty String value) {

    /** A name without a value, or a value without a name, is a configuration mistake. */
    HeaderConfig {
        if ((header == null) != (value == null)) {
            throw new IllegalArgumentException("header and value come together; found only "
                    + (header == null ? "value" : "header"));
        }
    }
}
