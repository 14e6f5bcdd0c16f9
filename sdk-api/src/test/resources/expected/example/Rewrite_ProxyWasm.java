package example;

import dev.proxywasm.runtime.CallbackArguments;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.CallbackResults;
import dev.proxywasm.runtime.Contexts;
import dev.proxywasm.runtime.Export;
import dev.proxywasm.runtime.Guard;
import dev.proxywasm.runtime.Platform;
import javax.annotation.processing.Generated;

/**
 * The proxy-wasm exports of {@link Rewrite}, generated at compile time.
 */
@Generated("dev.proxywasm.processor.GlueProcessor")
public final class Rewrite_ProxyWasm {
  private Rewrite_ProxyWasm() {
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
        Guard.configure("Rewrite", false);
        Contexts.putRoot(contextId, new Rewrite());
      } else {
        Contexts.putStream(contextId, ((Rewrite) Contexts.root(parentContextId)).new Exchange());
      }
    } catch (Throwable e) {
      Guard.failed("proxy_on_context_create", parentContextId == 0 ? "new Rewrite()" : "new Rewrite.Exchange()", e);
    }
    CallbackContext.exit(previous);
  }

  @Export(
      name = "proxy_on_vm_start"
  )
  public static int proxyOnVmStart(int rootContextId, int vmConfigurationSize) {
    int previous = CallbackContext.enter(rootContextId);
    int result;
    try {
      result = ((Rewrite) Contexts.root(rootContextId)).vmStart(CallbackArguments.vmConfiguration(vmConfigurationSize)) ? 1 : 0;
    } catch (Throwable e) {
      result = Guard.startFailed("proxy_on_vm_start", "Rewrite.vmStart", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_done"
  )
  public static int proxyOnDone(int contextId) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      if (Contexts.isRoot(contextId)) {
        result = ((Rewrite) Contexts.root(contextId)).pluginDone() ? 1 : 0;
      } else {
        result = 1;
      }
    } catch (Throwable e) {
      result = Guard.doneFailed("proxy_on_done", "Rewrite.pluginDone", e);
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
      result = CallbackResults.action(((Rewrite.Exchange) Contexts.stream(contextId)).requestHeaders(CallbackArguments.httpStream(contextId).requestHeaders()));
    } catch (Throwable e) {
      result = Guard.failStream("proxy_on_request_headers", "Rewrite.Exchange.requestHeaders", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_request_body"
  )
  public static int proxyOnRequestBody(int contextId, int bodySize, int endOfStream) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      result = CallbackResults.action(((Rewrite.Exchange) Contexts.stream(contextId)).requestBody(CallbackArguments.httpStream(contextId).requestBody(), bodySize, endOfStream != 0));
    } catch (Throwable e) {
      result = Guard.failStream("proxy_on_request_body", "Rewrite.Exchange.requestBody", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_request_trailers"
  )
  public static int proxyOnRequestTrailers(int contextId, int numTrailers) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      result = CallbackResults.action(((Rewrite.Exchange) Contexts.stream(contextId)).requestTrailers(CallbackArguments.httpStream(contextId).requestTrailers(), numTrailers));
    } catch (Throwable e) {
      result = Guard.failStream("proxy_on_request_trailers", "Rewrite.Exchange.requestTrailers", e);
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
      result = CallbackResults.action(((Rewrite.Exchange) Contexts.stream(contextId)).responseHeaders(CallbackArguments.httpStream(contextId).responseHeaders(), endOfStream != 0, CallbackArguments.httpStream(contextId)));
    } catch (Throwable e) {
      result = Guard.failStream("proxy_on_response_headers", "Rewrite.Exchange.responseHeaders", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_response_body"
  )
  public static int proxyOnResponseBody(int contextId, int bodySize, int endOfStream) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      result = CallbackResults.action(((Rewrite.Exchange) Contexts.stream(contextId)).responseBody(endOfStream != 0, CallbackArguments.httpStream(contextId).responseBody()));
    } catch (Throwable e) {
      result = Guard.resetStream("proxy_on_response_body", "Rewrite.Exchange.responseBody", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_response_trailers"
  )
  public static int proxyOnResponseTrailers(int contextId, int numTrailers) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      ((Rewrite.Exchange) Contexts.stream(contextId)).responseTrailers(CallbackArguments.httpStream(contextId));
      result = 0;
    } catch (Throwable e) {
      result = Guard.resetStream("proxy_on_response_trailers", "Rewrite.Exchange.responseTrailers", e);
    }
    CallbackContext.exit(previous);
    return result;
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
