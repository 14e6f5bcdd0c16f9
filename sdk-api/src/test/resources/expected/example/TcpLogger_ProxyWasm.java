package example;

import dev.proxywasm.api.ForeignFunction;
import dev.proxywasm.runtime.CallbackArguments;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.CallbackResults;
import dev.proxywasm.runtime.Contexts;
import dev.proxywasm.runtime.Export;
import dev.proxywasm.runtime.ForeignFunctionArguments;
import dev.proxywasm.runtime.Guard;
import dev.proxywasm.runtime.Platform;
import dev.proxywasm.runtime.RegisteredQueues;
import javax.annotation.processing.Generated;

/**
 * The proxy-wasm exports of {@link TcpLogger}, generated at compile time.
 */
@Generated("dev.proxywasm.processor.GlueProcessor")
public final class TcpLogger_ProxyWasm {
  private TcpLogger_ProxyWasm() {
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
        Guard.configure("TcpLogger", false);
        Contexts.putRoot(contextId, new TcpLogger());
      } else {
        Contexts.putStream(contextId, new TcpLogger.Session(((TcpLogger) Contexts.root(parentContextId))));
      }
    } catch (Throwable e) {
      Guard.failed("proxy_on_context_create", parentContextId == 0 ? "new TcpLogger()" : "new TcpLogger.Session()", e);
    }
    CallbackContext.exit(previous);
  }

  @Export(
      name = "proxy_on_tick"
  )
  public static void proxyOnTick(int rootContextId) {
    int previous = CallbackContext.enter(rootContextId);
    try {
      ((TcpLogger) Contexts.root(rootContextId)).tick();
    } catch (Throwable e) {
      Guard.failed("proxy_on_tick", "TcpLogger.tick", e);
    }
    CallbackContext.exit(previous);
  }

  @Export(
      name = "proxy_on_queue_ready"
  )
  public static void proxyOnQueueReady(int rootContextId, int queueId) {
    int previous = CallbackContext.enter(rootContextId);
    try {
      ((TcpLogger) Contexts.root(rootContextId)).queueReady(RegisteredQueues.byId(queueId));
    } catch (Throwable e) {
      Guard.failed("proxy_on_queue_ready", "TcpLogger.queueReady", e);
    }
    CallbackContext.exit(previous);
  }

  @Export(
      name = "proxy_on_foreign_function"
  )
  public static void proxyOnForeignFunction(int rootContextId, int functionId, int argumentsSize) {
    int previous = CallbackContext.enter(rootContextId);
    try {
      ((TcpLogger) Contexts.root(rootContextId)).foreign(ForeignFunctionArguments.read(argumentsSize), new ForeignFunction.Id(functionId));
    } catch (Throwable e) {
      Guard.failed("proxy_on_foreign_function", "TcpLogger.foreign", e);
    }
    CallbackContext.exit(previous);
  }

  @Export(
      name = "proxy_on_new_connection"
  )
  public static int proxyOnNewConnection(int contextId) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      result = CallbackResults.action(((TcpLogger.Session) Contexts.stream(contextId)).open(CallbackArguments.connection(contextId)));
    } catch (Throwable e) {
      result = Guard.closeConnection("proxy_on_new_connection", "TcpLogger.Session.open", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_downstream_data"
  )
  public static int proxyOnDownstreamData(int contextId, int dataSize, int endOfStream) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      result = CallbackResults.action(((TcpLogger.Session) Contexts.stream(contextId)).fromClient(CallbackArguments.connection(contextId).downstreamData(), dataSize, endOfStream != 0));
    } catch (Throwable e) {
      result = Guard.closeConnection("proxy_on_downstream_data", "TcpLogger.Session.fromClient", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_upstream_data"
  )
  public static int proxyOnUpstreamData(int contextId, int dataSize, int endOfStream) {
    int previous = CallbackContext.enter(contextId);
    int result;
    try {
      ((TcpLogger.Session) Contexts.stream(contextId)).fromServer(CallbackArguments.connection(contextId), dataSize);
      result = 0;
    } catch (Throwable e) {
      result = Guard.closeConnection("proxy_on_upstream_data", "TcpLogger.Session.fromServer", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  @Export(
      name = "proxy_on_downstream_connection_close"
  )
  public static void proxyOnDownstreamConnectionClose(int contextId, int peerType) {
    int previous = CallbackContext.enter(contextId);
    try {
      ((TcpLogger.Session) Contexts.stream(contextId)).clientClosed(CallbackArguments.peer(peerType));
    } catch (Throwable e) {
      Guard.failed("proxy_on_downstream_connection_close", "TcpLogger.Session.clientClosed", e);
    }
    CallbackContext.exit(previous);
  }

  @Export(
      name = "proxy_on_upstream_connection_close"
  )
  public static void proxyOnUpstreamConnectionClose(int contextId, int peerType) {
    int previous = CallbackContext.enter(contextId);
    try {
      ((TcpLogger.Session) Contexts.stream(contextId)).serverClosed(CallbackArguments.connection(contextId), CallbackArguments.peer(peerType));
    } catch (Throwable e) {
      Guard.failed("proxy_on_upstream_connection_close", "TcpLogger.Session.serverClosed", e);
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
