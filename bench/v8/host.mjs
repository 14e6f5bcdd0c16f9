// The benchmark's stand-in for Envoy's host: what Envoy does for the calls of the Go SDK's
// http_headers example (the allocator for returned data, header maps serialised as pairs, the
// plugin configuration buffer), plus the calls other plugins make (host-services.mjs), so that
// every sample starts. The header-map and log calls are the per-stream path the benchmark times:
// keep them as they are.
import { OK, NOT_FOUND, BAD_ARGUMENT, UNIMPLEMENTED, Metrics, SharedData, SharedQueues, Callouts, serviceImports }
  from './host-services.mjs';

const VM_CONFIGURATION = 6, PLUGIN_CONFIGURATION = 7;
const VM_ID = '';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The state Envoy keeps for one VM: header maps per context, the configuration, call counts (of
 * the header and log calls), and its metrics, shared data, queues and callouts.
 */
export class Host {
  constructor(config, pluginName, root) {
    this.config = config;
    this.maps = new Map();
    this.context = 0;
    this.calls = 0;
    this.unimplemented = new Set();
    this.root = root;
    this.pluginName = encoder.encode(pluginName);
    this.metrics = new Metrics();
    this.sharedData = new SharedData(); // each VM its own, as if every plugin had its own vm_id
    this.queues = new SharedQueues(VM_ID);
    this.callouts = new Callouts();
  }

  /**
   * A few of Envoy's attributes: the plugin's (root_id and vm_id empty, as when a plugin names
   * neither) and, for a stream, the downstream peer. Every other path is NOT_FOUND.
   */
  properties(path) {
    switch (path) {
      case 'plugin_name': return this.pluginName;
      case 'plugin_root_id': case 'plugin_vm_id': return new Uint8Array(0);
      case 'source.address': return this.context === this.root ? undefined : encoder.encode('10.0.0.1:5000');
      case 'source.port': return this.context === this.root ? undefined : new Uint8Array(new BigInt64Array([5000n]).buffer);
      default: return undefined;
    }
  }

  bind(instance) {
    this.exports = instance.exports;
    this.allocate = instance.exports.malloc ?? instance.exports.proxy_on_memory_allocate;
  }

  view() { return new DataView(this.exports.memory.buffer); }
  bytes(ptr, len) { return new Uint8Array(this.exports.memory.buffer, ptr, len); }
  text(ptr, len) { return decoder.decode(this.bytes(ptr, len)); }

  /** Hands data to the guest as Envoy does: memory from the guest's allocator, then the out-parameters. */
  give(data, ptrPtr, sizePtr) {
    const ptr = data.length === 0 ? 0 : this.allocate(data.length);
    if (data.length > 0 && ptr === 0) return BAD_ARGUMENT;
    if (data.length > 0) this.bytes(ptr, data.length).set(data);
    const view = this.view();
    view.setUint32(ptrPtr, ptr, true);
    view.setUint32(sizePtr, data.length, true);
    return OK;
  }

  map(type) {
    const key = this.context * 8 + type;
    let map = this.maps.get(key);
    if (!map) { map = []; this.maps.set(key, map); }
    return map;
  }

  /**
   * A header map as Envoy holds one: names and values as bytes (no text conversion on any call),
   * names in lower case. Built once from text by the caller; each stream gets its own pair arrays.
   */
  static headerMap(pairs) {
    return pairs.map(([k, v]) => [encoder.encode(k.toLowerCase()), encoder.encode(v)]);
  }

  /** The name at ptr in lower case (ASCII only, as Envoy's LowerCaseString), copied out of memory. */
  lowerName(ptr, len) {
    const name = this.bytes(ptr, len).slice();
    for (let i = 0; i < name.length; i++) if (name[i] >= 65 && name[i] <= 90) name[i] += 32;
    return name;
  }

  copy(ptr, len) { return this.bytes(ptr, len).slice(); }

  static same(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /** Envoy's pairs: u32 count, (u32 key length, u32 value length) per pair, then key\0value\0 each. */
  static serialise(map) {
    let size = 4 + map.length * 8;
    for (const [k, v] of map) size += k.length + v.length + 2;
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    view.setUint32(0, map.length, true);
    let offset = 4 + map.length * 8;
    map.forEach(([k, v], i) => {
      view.setUint32(4 + i * 8, k.length, true);
      view.setUint32(8 + i * 8, v.length, true);
      out.set(k, offset); offset += k.length + 1;
      out.set(v, offset); offset += v.length + 1;
    });
    return out;
  }

  imports(module) {
    const self = this;
    const env = {
      ...serviceImports(self),
      proxy_log() { self.calls++; return OK; },
      proxy_get_log_level(ptr) { self.view().setUint32(ptr, 2, true); return OK; },
      proxy_get_current_time_nanoseconds(ptr) {
        self.view().setBigUint64(ptr, BigInt(Date.now()) * 1000000n, true); return OK;
      },
      proxy_set_tick_period_milliseconds() { return OK; },
      proxy_set_effective_context(id) { self.context = id; return OK; },
      proxy_done() { return OK; },
      proxy_get_buffer_status(type, lenPtr, flagsPtr) {
        const data = type === PLUGIN_CONFIGURATION ? self.config : type === VM_CONFIGURATION ? new Uint8Array(0) : null;
        if (!data) return NOT_FOUND;
        self.view().setUint32(lenPtr, data.length, true);
        self.view().setUint32(flagsPtr, 0, true);
        return OK;
      },
      proxy_get_buffer_bytes(type, start, max, ptrPtr, sizePtr) {
        const data = type === PLUGIN_CONFIGURATION ? self.config : type === VM_CONFIGURATION ? new Uint8Array(0) : null;
        if (!data) return NOT_FOUND;
        return self.give(data.subarray(start, Math.min(data.length, start + max)), ptrPtr, sizePtr);
      },
      proxy_get_header_map_pairs(type, ptrPtr, sizePtr) {
        self.calls++;
        return self.give(Host.serialise(self.map(type)), ptrPtr, sizePtr);
      },
      proxy_get_header_map_size(type, sizePtr) {
        self.view().setUint32(sizePtr, Host.serialise(self.map(type)).length, true); return OK;
      },
      proxy_get_header_map_value(type, kp, kl, ptrPtr, sizePtr) {
        self.calls++;
        const key = self.lowerName(kp, kl);
        const pair = self.map(type).find(([k]) => Host.same(k, key));
        return pair ? self.give(pair[1], ptrPtr, sizePtr) : NOT_FOUND;
      },
      proxy_add_header_map_value(type, kp, kl, vp, vl) {
        self.calls++;
        self.map(type).push([self.lowerName(kp, kl), self.copy(vp, vl)]);
        return OK;
      },
      proxy_replace_header_map_value(type, kp, kl, vp, vl) {
        self.calls++;
        const key = self.lowerName(kp, kl);
        const map = self.map(type);
        const pair = map.find(([k]) => Host.same(k, key));
        if (pair) pair[1] = self.copy(vp, vl); else map.push([key, self.copy(vp, vl)]);
        return OK;
      },
      proxy_remove_header_map_value(type, kp, kl) {
        self.calls++;
        const key = self.lowerName(kp, kl);
        const map = self.map(type);
        for (let i = map.length - 1; i >= 0; i--) if (Host.same(map[i][0], key)) map.splice(i, 1);
        return OK;
      },
    };
    const imports = { env: {} };
    for (const entry of WebAssembly.Module.imports(module)) {
      if (entry.module !== 'env' || entry.kind !== 'function') continue;
      imports.env[entry.name] = env[entry.name] ?? ((...args) => { self.unimplemented.add(entry.name); return UNIMPLEMENTED; });
    }
    return imports;
  }
}
