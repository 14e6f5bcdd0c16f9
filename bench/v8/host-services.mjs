// What Envoy keeps for a VM beyond its streams, for bench/v8/host.mjs: metrics, shared data,
// shared queues, HTTP and gRPC callouts, properties and the smaller stream calls. Semantics and
// return codes follow proxy-wasm-cpp-host (src/exports.cc, src/shared_data.cc, src/shared_queue.cc)
// and Envoy's source/extensions/common/wasm/context.cc. None of these is on the http_headers
// scenario's per-stream path.
import { deflateSync, inflateSync } from 'node:zlib';

export const OK = 0, NOT_FOUND = 1, BAD_ARGUMENT = 2, EMPTY = 7, CAS_MISMATCH = 8, UNIMPLEMENTED = 12;
const COUNTER = 0, GAUGE = 1, HISTOGRAM = 2;
const TYPE_MASK = 3, ID_INCREMENT = 4; // Envoy's kMetricTypeMask and kCalloutTypeMask, and their increments
const HTTP_CALL = 0, GRPC_CALL = 1, GRPC_STREAM = 2;
const MAX_STREAM_TYPE = 3, MAX_MAP_TYPE = 7;
const U64 = (value) => BigInt.asUintN(64, value);
const decoder = new TextDecoder();

/** Envoy's pairs format (u32 count, u32 key and value lengths, then key\0value\0 each) read back. */
export function parsePairs(bytes) {
  if (bytes.length < 4) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(0, true);
  const pairs = [];
  let offset = 4 + count * 8;
  for (let i = 0; i < count && offset <= bytes.length; i++) {
    const keyLength = view.getUint32(4 + i * 8, true), valueLength = view.getUint32(8 + i * 8, true);
    const key = decoder.decode(bytes.subarray(offset, offset + keyLength));
    offset += keyLength + 1;
    pairs.push([key, decoder.decode(bytes.subarray(offset, offset + valueLength))]);
    offset += valueLength + 1;
  }
  return pairs;
}

/**
 * Envoy's custom metrics: an id per definition (type in the low two bits, Envoy's
 * next*MetricId), values shared by type and name as in Envoy's stats store.
 */
export class Metrics {
  constructor() {
    this.next = [COUNTER, GAUGE, HISTOGRAM];
    this.byId = new Map();
    this.byName = new Map();
  }

  define(type, name) {
    if (type > HISTOGRAM) return null;
    const id = (this.next[type] += ID_INCREMENT);
    const key = `${type}:${name}`;
    let metric = this.byName.get(key);
    if (!metric) { metric = { value: 0n }; this.byName.set(key, metric); }
    this.byId.set(id, metric);
    return id;
  }

  increment(id, offset) {
    const metric = this.byId.get(id);
    const type = id & TYPE_MASK;
    if (type === COUNTER && metric) {
      if (offset <= 0n) return BAD_ARGUMENT;
      metric.value = U64(metric.value + offset);
      return OK;
    }
    if (type === GAUGE) {
      if (!metric) return NOT_FOUND;
      metric.value = U64(metric.value + offset);
      return OK;
    }
    return BAD_ARGUMENT; // a histogram, or a counter id never defined (Envoy falls through to this)
  }

  record(id, value) {
    const metric = this.byId.get(id);
    if (!metric) return NOT_FOUND;
    const type = id & TYPE_MASK;
    if (type === COUNTER) metric.value = U64(metric.value + U64(value));
    else if (type === GAUGE) metric.value = U64(value);
    return OK; // a histogram records the value; nothing here reads it back
  }

  /** The value, or a WasmResult number when there is none (histograms cannot be read). */
  get(id) {
    const type = id & TYPE_MASK;
    if (type !== COUNTER && type !== GAUGE) return BAD_ARGUMENT;
    const metric = this.byId.get(id);
    return metric ? metric.value : NOT_FOUND;
  }
}

/** cpp-host's SharedData for one VM id: values with a CAS number, 0 never being one. */
export class SharedData {
  constructor() {
    this.entries = new Map();
    this.cas = 1;
  }

  nextCas() {
    const cas = this.cas;
    this.cas = (this.cas + 1) >>> 0 || 1;
    return cas;
  }

  get(key) { return this.entries.get(key); }

  set(key, value, cas) {
    const entry = this.entries.get(key);
    if (entry && cas !== 0 && cas !== entry.cas) return CAS_MISMATCH;
    this.entries.set(key, { value, cas: this.nextCas() });
    return OK;
  }
}

/**
 * cpp-host's SharedQueue for one VM id: a token per queue name (never 0), kept across
 * registrations. Envoy posts proxy_on_queue_ready to the registering VM's thread; this host never
 * delivers it, as it never answers callouts.
 */
export class SharedQueues {
  constructor(vmId) {
    this.vmId = vmId;
    this.tokens = new Map();
    this.queues = new Map();
  }

  register(name) {
    let token = this.tokens.get(name);
    if (token === undefined) {
      token = this.tokens.size + 1;
      this.tokens.set(name, token);
      this.queues.set(token, []);
    }
    return token;
  }

  /** The queue's token, or 0 when no VM with that id registered it (an empty id is this VM's). */
  resolve(vmId, name) {
    return vmId === '' || vmId === this.vmId ? this.tokens.get(name) ?? 0 : 0;
  }

  enqueue(token, data) {
    const queue = this.queues.get(token);
    if (!queue) return NOT_FOUND;
    queue.push(data);
    return OK;
  }

  /** The oldest item, or a WasmResult number: NOT_FOUND for an unknown queue, EMPTY for an empty one. */
  dequeue(token) {
    const queue = this.queues.get(token);
    if (!queue) return NOT_FOUND;
    return queue.length === 0 ? EMPTY : queue.shift();
  }
}

/**
 * Callouts in flight, with Envoy's tokens (the kind in the low two bits). Every cluster exists and
 * no call is ever answered: the bench measures the module, not an upstream.
 */
export class Callouts {
  constructor() {
    this.next = [HTTP_CALL, GRPC_CALL, GRPC_STREAM];
    this.open = new Set();
  }

  start(kind) {
    const token = (this.next[kind] += ID_INCREMENT) >>> 0;
    this.open.add(token);
    return token;
  }

  http(headers, timeout) {
    // Envoy refuses a negative timeout and a call without :path, :method and :authority.
    const names = new Set(headers.map(([name]) => name));
    if (timeout < 0 || !names.has(':path') || !names.has(':method') || !names.has(':authority')) return null;
    return this.start(HTTP_CALL);
  }

  send(token) {
    const kind = token & TYPE_MASK;
    if (kind === GRPC_CALL) return BAD_ARGUMENT;
    return kind === GRPC_STREAM && this.open.has(token) ? OK : NOT_FOUND;
  }

  /** grpc_close and grpc_cancel alike: the gRPC call or stream is forgotten. */
  end(token) {
    const kind = token & TYPE_MASK;
    return (kind === GRPC_CALL || kind === GRPC_STREAM) && this.open.delete(token) ? OK : NOT_FOUND;
  }
}

/** Envoy's foreign functions that need no Envoy state (zlib's compress and uncompress). */
const FOREIGN_FUNCTIONS = {
  compress: (args) => deflateSync(args),
  uncompress: (args) => inflateSync(args),
};

/**
 * The env imports for the calls above, given the host's memory helpers (view, bytes, text, give)
 * and its state (metrics, sharedData, queues, callouts, properties, maps).
 */
export function serviceImports(host) {
  const writeU32 = (ptr, value) => { host.view().setUint32(ptr, value, true); return OK; };
  const copy = (ptr, len) => host.bytes(ptr, len).slice();
  return {
    proxy_define_metric(type, np, nl, idPtr) {
      const id = host.metrics.define(type, host.text(np, nl));
      return id === null ? BAD_ARGUMENT : writeU32(idPtr, id);
    },
    proxy_increment_metric(id, offset) { return host.metrics.increment(id >>> 0, offset); },
    proxy_record_metric(id, value) { return host.metrics.record(id >>> 0, value); },
    proxy_get_metric(id, valuePtr) {
      const value = host.metrics.get(id >>> 0);
      if (typeof value === 'number') return value;
      host.view().setBigUint64(valuePtr, value, true);
      return OK;
    },
    proxy_get_shared_data(kp, kl, ptrPtr, sizePtr, casPtr) {
      const entry = host.sharedData.get(host.text(kp, kl));
      if (!entry) return NOT_FOUND;
      const result = host.give(entry.value, ptrPtr, sizePtr);
      return result === OK ? writeU32(casPtr, entry.cas) : result;
    },
    proxy_set_shared_data(kp, kl, vp, vl, cas) {
      return host.sharedData.set(host.text(kp, kl), copy(vp, vl), cas >>> 0);
    },
    proxy_register_shared_queue(np, nl, tokenPtr) {
      return writeU32(tokenPtr, host.queues.register(host.text(np, nl)));
    },
    proxy_resolve_shared_queue(vp, vl, np, nl, tokenPtr) {
      const token = host.queues.resolve(host.text(vp, vl), host.text(np, nl));
      return token === 0 ? NOT_FOUND : writeU32(tokenPtr, token);
    },
    proxy_enqueue_shared_queue(token, ptr, len) { return host.queues.enqueue(token >>> 0, copy(ptr, len)); },
    proxy_dequeue_shared_queue(token, ptrPtr, sizePtr) {
      const item = host.queues.dequeue(token >>> 0);
      return typeof item === 'number' ? item : host.give(item, ptrPtr, sizePtr);
    },
    proxy_http_call(up, ul, hp, hl, bp, bl, tp, tl, timeout, tokenPtr) {
      writeU32(tokenPtr, 0); // cpp-host writes the token once before the call, to check the memory
      const token = host.callouts.http(parsePairs(host.bytes(hp, hl)), timeout);
      return token === null ? BAD_ARGUMENT : writeU32(tokenPtr, token);
    },
    proxy_grpc_call(...args) { return writeU32(args[11], host.callouts.start(GRPC_CALL)); },
    proxy_grpc_stream(...args) { return writeU32(args[8], host.callouts.start(GRPC_STREAM)); },
    proxy_grpc_send(token) { return host.callouts.send(token >>> 0); },
    proxy_grpc_close(token) { return host.callouts.end(token >>> 0); },
    proxy_grpc_cancel(token) { return host.callouts.end(token >>> 0); },
    proxy_get_status(codePtr, ptrPtr, sizePtr) {
      writeU32(codePtr, 0); // no callout ever finished, so the status Envoy keeps is still 0 and ""
      return host.give(new Uint8Array(0), ptrPtr, sizePtr);
    },
    proxy_get_property(pp, pl, ptrPtr, sizePtr) {
      // A path is its segments, each followed by a NUL byte: plugin_name\0, source\0address\0.
      const path = host.text(pp, pl).replace(/\0+$/, '').split('\0').join('.');
      const value = host.properties(path);
      return value === undefined ? NOT_FOUND : host.give(value, ptrPtr, sizePtr);
    },
    proxy_set_property() { return OK; }, // Envoy keeps it in the stream's filter state
    proxy_call_foreign_function(np, nl, ap, al, ptrPtr, sizePtr) {
      const f = FOREIGN_FUNCTIONS[host.text(np, nl)];
      return f ? host.give(f(host.bytes(ap, al)), ptrPtr, sizePtr) : NOT_FOUND;
    },
    proxy_continue_stream(type) { return type >>> 0 > MAX_STREAM_TYPE ? BAD_ARGUMENT : OK; },
    proxy_close_stream(type) { return type >>> 0 > MAX_STREAM_TYPE ? BAD_ARGUMENT : OK; },
    proxy_send_local_response() { return OK; },
    proxy_set_header_map_pairs(type, ptr, len) {
      if (type >>> 0 > MAX_MAP_TYPE) return BAD_ARGUMENT;
      host.maps.set(host.context * 8 + type, host.constructor.headerMap(parsePairs(host.bytes(ptr, len))));
      return OK;
    },
    proxy_set_buffer_bytes(type) {
      // No bodies flow here; the configuration buffers exist but Envoy cannot write them.
      return type === 6 || type === 7 ? UNIMPLEMENTED : NOT_FOUND;
    },
  };
}
