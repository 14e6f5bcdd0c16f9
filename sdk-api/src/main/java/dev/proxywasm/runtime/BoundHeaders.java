package dev.proxywasm.runtime;

import dev.proxywasm.api.Header;
import dev.proxywasm.api.Headers;
import dev.proxywasm.api.Utf8;
import java.util.List;

/** {@link Headers} of one context's map, by the map's wire code. */
public final class BoundHeaders implements Headers {
    private final BoundContext context;
    private final int mapType;
    private final boolean absent;

    BoundHeaders(BoundContext context, int mapType, boolean absent) {
        this.context = context;
        this.mapType = mapType;
        this.absent = absent;
    }

    @Override
    public String get(String name) {
        if (absent) {
            return null;
        }
        byte[] value = context.host().getHeaderMapValue(mapType, name);
        return value == null ? null : Utf8.decode(value);
    }

    @Override
    public boolean contains(String name) {
        return !absent && context.host().getHeaderMapValue(mapType, name) != null;
    }

    @Override
    public List<Header> all() {
        return absent ? List.of() : HeaderPairs.decode(context.host().getHeaderMapPairs(mapType));
    }

    @Override
    public int byteSize() {
        return absent ? 0 : context.host().getHeaderMapSize(mapType);
    }

    @Override
    public void add(String name, String value) {
        context.host().addHeaderMapValue(mapType, name, value);
    }

    @Override
    public void set(String name, String value) {
        context.host().replaceHeaderMapValue(mapType, name, value);
    }

    @Override
    public void remove(String name) {
        context.host().removeHeaderMapValue(mapType, name);
    }

    @Override
    public void setAll(List<Header> headers) {
        context.host().setHeaderMapPairs(mapType, HeaderPairs.encode(headers));
    }

    @Override
    public String toString() {
        return "header map " + mapType + " of " + context.describe();
    }
}
