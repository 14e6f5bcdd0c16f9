package example;

import dev.proxywasm.runtime.CallbackArguments;
import dev.proxywasm.runtime.CallbackContext;
import dev.proxywasm.runtime.ConfigReader;
import dev.proxywasm.runtime.Contexts;
import dev.proxywasm.runtime.Export;
import dev.proxywasm.runtime.Guard;
import dev.proxywasm.runtime.Platform;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * The proxy-wasm exports of {@link Gateway}, generated at compile time.
 */
@Generated("dev.proxywasm.processor.GlueProcessor")
public final class Gateway_ProxyWasm {
  private Gateway_ProxyWasm() {
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
        Guard.configure("Gateway", false);
        Contexts.putRoot(contextId, new Gateway());
      } else {
        Contexts.putStream(contextId, ((Gateway) Contexts.root(parentContextId)));
      }
    } catch (Throwable e) {
      Guard.failed("proxy_on_context_create", "new Gateway()", e);
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
      Gateway.Config configuration = readConfiguration(CallbackArguments.pluginConfiguration(pluginConfigurationSize).bytes());
      if (configuration == null) {
        result = 0;
      } else {
        result = ((Gateway) Contexts.root(rootContextId)).start(configuration) ? 1 : 0;
      }
    } catch (Throwable e) {
      result = Guard.startFailed("proxy_on_configure", "Gateway.start", e);
    }
    CallbackContext.exit(previous);
    return result;
  }

  /**
   * The plugin configuration as a {@link Gateway.Config}, or null after logging why it is rejected.
   */
  static Gateway.Config readConfiguration(byte[] bytes) {
    return ConfigReader.parse(bytes, in -> readGateway_Config(in));
  }

  private static Gateway.Config readGateway_Config(ConfigReader in) {
    in.beginObject();
    String name = null;
    boolean nameSeen = false;
    int port = 8080;
    List<Gateway.Rule> rules = Collections.emptyList();
    Map<String, String> labels = Collections.emptyMap();
    Gateway.Mode mode = Gateway.Mode.ENFORCE;
    Long limit = null;
    List<String> hosts = Collections.emptyList();
    boolean hostsSeen = false;
    int retries = 2;
    Map<String, String> owners = Collections.emptyMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals("name")) {
        name = in.readString();
        in.checkNonEmpty(name.isEmpty(), "string");
        nameSeen = true;
      } else if (key.equals("port")) {
        port = in.readInt(1, 65535);
      } else if (key.equals("rules")) {
        rules = in.readList(() -> readGateway_Rule(in));
        in.checkNonEmpty(rules.isEmpty(), "list");
      } else if (key.equals("labels")) {
        labels = in.readMap(() -> in.readString());
      } else if (key.equals("mode")) {
        mode = Gateway.Mode.values()[in.readChoice(new String[] {"ENFORCE", "REPORT"})];
      } else if (key.equals("limit")) {
        limit = in.readLong(-9223372036854775808L, 9223372036854775807L);
      } else if (key.equals("hosts")) {
        hosts = in.readListOrSingleValue(() -> in.readString());
        in.checkNonEmpty(hosts.isEmpty(), "list");
        hostsSeen = true;
      } else if (key.equals("retries")) {
        retries = in.readIntOrNumericString(0, 5);
      } else if (key.equals("owners")) {
        owners = in.readMapOrEntryList(() -> in.readString());
      } else {
        in.unknownKey("name, port, rules, labels, mode, limit, hosts, retries, owners");
      }
      in.endMember();
    }
    if (!nameSeen) {
      in.missing("name");
    }
    if (!hostsSeen) {
      in.missing("hosts");
    }
    try {
      return new Gateway.Config(name, port, rules, labels, mode, limit, hosts, retries, owners);
    } catch (IllegalArgumentException e) {
      // The record's own check: its message, at the record's path.
      throw in.rejected(e);
    }
  }

  private static Gateway.Rule readGateway_Rule(ConfigReader in) {
    in.beginObject();
    String path = null;
    boolean pathSeen = false;
    int status = 403;
    String method = null;
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals("path")) {
        path = in.readString();
        pathSeen = true;
      } else if (key.equals("status-code")) {
        status = in.readInt(100, 599);
      } else if (key.equals("method")) {
        method = in.checkAllowed(in.readString(), new String[] {"GET", "POST"});
      } else {
        in.unknownKey("path, status-code, method");
      }
      in.endMember();
    }
    if (!pathSeen) {
      in.missing("path");
    }
    try {
      return new Gateway.Rule(path, status, method);
    } catch (IllegalArgumentException e) {
      // The record's own check: its message, at the record's path.
      throw in.rejected(e);
    }
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
