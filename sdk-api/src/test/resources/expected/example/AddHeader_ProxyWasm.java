package example;

import dev.proxywasm.runtime.CallbackArguments;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.Contexts;
import dev.proxywasm.runtime.Export;
import dev.proxywasm.runtime.Guard;
import dev.proxywasm.runtime.Platform;
import javax.annotation.processing.Generated;

/**
 * The proxy-wasm exports of {@link AddHeader}, generated at compile time.
 */
@Generated("dev.proxywasm.processor.GlueProcessor")
public final class AddHeader_ProxyWasm {
  private AddHeader_ProxyWasm() {
  }

  /**
   * TeaVM's entry point; the host never runs it.
   */
  public static void main(String[] args) {
  }

  @Export(
      name = "proxy_abi_version_0_2_1"
  )
  public static void proxyAbiVersion021() {
  }

  @Export(
      name = "_initialize"
  )
  public static void initialize() {
    // Envoy calls this first; it must not call the host.
  }

  @Export(
      name = "malloc"
  )
  public static int malloc(int size) {
    try {
      return Platform.allocate(size);
    } catch (Throwable e) {
      // No host call is allowed here; 0 tells the host the allocation failed.
      return 0;
    }
  }

  @Export(
      name = "proxy_on_memory_allocate"
  )
  public static int proxyOnMemoryAllocate(int size) {
    try {
      return Platform.allocate(size);
    } catch (Throwable e) {
      // No host call is allowed here; 0 tells the host the allocation failed.
      return 0;
    }
  }

  @Export(
      name = "proxy_on_context_create"
  )
  public static void proxyOnContextCreate(int contextId, int parentContextId) {
    int previous = CallbackContext.enter(contextId);
    try {
      if (parentContextId == 0) {
        Platform.bindHost();
        Guard.configure("AddHeader", true);
        Contexts.putRoot(contextId, new AddHeader());
      } else {
        Contexts.putStream(contextId, ((AddHeader) Contexts.root(parentContextId)));
      }
    } catch (Throwable e) {
      Guard.failed("proxy_on_context_create", "new AddHeader()", e);
    }
    CallbackContext.exit(previous);
  }

  @Export(
      name = "proxy_on_configure"
  )
  public static int proxyOnConfigure(int rootContextId, int pluginConfigurationSize) {
    int previous = CallbackContext.enter(rootContextId);
    int result;
    try {
      result = ((AddHeader) Contexts.root(rootContextId)).start(CallbackArguments.pluginConfiguration(pluginConfigurationSize)) ? 1 : 0;
    } catch (Throwable e) {
      result = Guard.startFailed("proxy_on_configure", "AddHeader.start", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_request_headers"
  )
  public static int proxyOnRequestHeaders(int contextId, int numHeaders, int endOfStream) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      ((AddHeader) Contexts.stream(contextId)).request(CallbackArguments.httpStream(contextId).requestHeaders(), endOfStream != 0);
      result = 0;
    } catch (Throwable e) {
      result = Guard.failStream("proxy_on_request_headers", "AddHeader.request", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_response_headers"
  )
  public static int proxyOnResponseHeaders(int contextId, int numHeaders, int endOfStream) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      ((AddHeader) Contexts.stream(contextId)).response(numHeaders, CallbackArguments.httpStream(contextId).responseHeaders());
      result = 0;
    } catch (Throwable e) {
      result = Guard.failStream("proxy_on_response_headers", "AddHeader.response", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_log"
  )
  public static void proxyOnLog(int contextId) {
    int previous = CallbackContext.enter(contextId);
    try {
      if (!Contexts.isRoot(contextId)) {
        ((AddHeader) Contexts.stream(contextId)).done(CallbackArguments.httpStream(contextId));
      }
    } catch (Throwable e) {
      Guard.failed("proxy_on_log", "AddHeader.done", e);
    }
    CallbackContext.exit(previous);
  }

  @Export(
      name = "proxy_on_delete"
  )
  public static void proxyOnDelete(int contextId) {
    int previous = CallbackContext.enter(contextId);
    try {
      Contexts.delete(contextId);
    } catch (Throwable e) {
      Guard.failed("proxy_on_delete", "the stream's release", e);
    }
    CallbackContext.exit(previous);
  }
}
