package example;

import dev.proxywasm.runtime.CallbackArguments;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.CallbackResults;
import dev.proxywasm.runtime.Contexts;
import dev.proxywasm.runtime.Export;
import dev.proxywasm.runtime.Guard;
import dev.proxywasm.runtime.Platform;
import dev.proxywasm.runtime.WholeBody;
import javax.annotation.processing.Generated;

/**
 * The proxy-wasm exports of {@link Validate}, generated at compile time.
 */
@Generated("dev.proxywasm.processor.GlueProcessor")
public final class Validate_ProxyWasm {
  private Validate_ProxyWasm() {
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
        Guard.configure("Validate", false);
        Contexts.putRoot(contextId, new Validate());
      } else {
        Contexts.putStream(contextId, ((Validate) Contexts.root(parentContextId)).new Exchange());
      }
    } catch (Throwable e) {
      Guard.failed("proxy_on_context_create", parentContextId == 0 ? "new Validate()" : "new Validate.Exchange()", e);
    }
    CallbackContext.exit(previous);
  }

  @Export(
      name = "proxy_on_request_trailers"
  )
  public static int proxyOnRequestTrailers(int contextId, int numTrailers) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      int wholeBody = 0;
      if (WholeBody.onTrailers(contextId, false)) {
        wholeBody = CallbackResults.action(((Validate.Exchange) Contexts.stream(contextId)).request(CallbackArguments.httpStream(contextId).requestBody(), CallbackArguments.httpStream(contextId)));
      }
      ((Validate.Exchange) Contexts.stream(contextId)).trailers(CallbackArguments.httpStream(contextId).requestTrailers());
      result = 0;
      if (wholeBody != 0) {
        result = wholeBody;
      }
    } catch (Throwable e) {
      result = Guard.failStream("proxy_on_request_trailers", "Validate.Exchange.request or Validate.Exchange.trailers", e);
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
      result = WholeBody.onBody(contextId, false, bodySize, endOfStream != 0, 65536);
      if (result == WholeBody.DELIVER) {
        result = CallbackResults.action(((Validate.Exchange) Contexts.stream(contextId)).request(CallbackArguments.httpStream(contextId).requestBody(), CallbackArguments.httpStream(contextId)));
      }
    } catch (Throwable e) {
      result = Guard.failStream("proxy_on_request_body", "Validate.Exchange.request", e);
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
      CallbackArguments.httpStream(contextId).responseHeaders().remove("content-length");
      result = 0;
    } catch (Throwable e) {
      result = Guard.failStream("proxy_on_response_headers", "Validate.Exchange.response", e);
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
      result = WholeBody.onBody(contextId, true, bodySize, endOfStream != 0, 1048576);
      if (result == WholeBody.DELIVER) {
        ((Validate.Exchange) Contexts.stream(contextId)).response(CallbackArguments.httpStream(contextId).responseBody(), bodySize);
        result = 0;
      }
    } catch (Throwable e) {
      result = Guard.resetStream("proxy_on_response_body", "Validate.Exchange.response", e);
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
      int wholeBody = 0;
      if (WholeBody.onTrailers(contextId, true)) {
        ((Validate.Exchange) Contexts.stream(contextId)).response(CallbackArguments.httpStream(contextId).responseBody(), CallbackArguments.httpStream(contextId).responseBody().size());
        wholeBody = 0;
      }
      result = wholeBody;
    } catch (Throwable e) {
      result = Guard.resetStream("proxy_on_response_trailers", "Validate.Exchange.response", e);
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
