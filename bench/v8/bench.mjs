// Runs proxy-wasm modules on V8 (Node) through a host that does what Envoy's host does for the
// calls of the http_headers scenario, and prints per-stream time, start-up time and memory pages
// side by side. Usage (Envoy's V8 flags):
//
//   node --no-liftoff bench/v8/bench.mjs [--streams N] [--warmup N] [--rounds N] name=path.wasm[@config.json] ...
//
// Every module gets the same streams: request headers (:path, :method, :authority), response
// headers (:status), then on_log, on_done, on_delete, as Envoy ends a stream. A plugin that follows
// the Go SDK's http_headers example makes 16 host calls per stream: 1 replace, 2 pair reads,
// 3 adds, 10 logs.
import { readFileSync } from 'node:fs';
import { WASI } from 'node:wasi';

const OK = 0, NOT_FOUND = 1, BAD_ARGUMENT = 2, UNIMPLEMENTED = 12;
const REQUEST_HEADERS = 0, RESPONSE_HEADERS = 2;
const VM_CONFIGURATION = 6, PLUGIN_CONFIGURATION = 7;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function parseArgs(argv) {
  const options = { streams: 50000, warmup: 10000, rounds: 3, modules: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--streams') options.streams = Number(argv[++i]);
    else if (arg === '--warmup') options.warmup = Number(argv[++i]);
    else if (arg === '--rounds') options.rounds = Number(argv[++i]);
    else if (arg === '--help') options.help = true;
    else {
      const eq = arg.indexOf('=');
      if (eq < 0) throw new Error(`expected name=path.wasm[@config.json], got ${arg}`);
      const [path, config] = arg.slice(eq + 1).split('@');
      options.modules.push({ name: arg.slice(0, eq), path, config: config ? readFileSync(config) : encoder.encode('') });
    }
  }
  return options;
}

/** The state Envoy keeps for one VM: header maps per context, the configuration, call counts. */
class Host {
  constructor(config) {
    this.config = config;
    this.maps = new Map();
    this.context = 0;
    this.calls = 0;
    this.unimplemented = new Set();
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

  /** Envoy's pairs: u32 count, (u32 key length, u32 value length) per pair, then key\0value\0 each. */
  static serialise(map) {
    const encoded = map.map(([k, v]) => [encoder.encode(k), encoder.encode(v)]);
    let size = 4 + encoded.length * 8;
    for (const [k, v] of encoded) size += k.length + v.length + 2;
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    view.setUint32(0, encoded.length, true);
    let offset = 4 + encoded.length * 8;
    encoded.forEach(([k, v], i) => {
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
      proxy_log() { self.calls++; return OK; },
      proxy_get_log_level(ptr) { self.view().setUint32(ptr, 2, true); return OK; },
      proxy_get_current_time_nanoseconds(ptr) {
        self.view().setBigUint64(ptr, BigInt(Date.now()) * 1000000n, true); return OK;
      },
      proxy_set_tick_period_milliseconds() { return OK; },
      proxy_set_effective_context(id) { self.context = id; return OK; },
      proxy_done() { return OK; },
      proxy_get_property() { return NOT_FOUND; },
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
        const key = self.text(kp, kl);
        const pair = self.map(type).find(([k]) => k === key);
        return pair ? self.give(encoder.encode(pair[1]), ptrPtr, sizePtr) : NOT_FOUND;
      },
      proxy_add_header_map_value(type, kp, kl, vp, vl) {
        self.calls++;
        self.map(type).push([self.text(kp, kl).toLowerCase(), self.text(vp, vl)]);
        return OK;
      },
      proxy_replace_header_map_value(type, kp, kl, vp, vl) {
        self.calls++;
        const key = self.text(kp, kl).toLowerCase();
        const map = self.map(type);
        const pair = map.find(([k]) => k === key);
        if (pair) pair[1] = self.text(vp, vl); else map.push([key, self.text(vp, vl)]);
        return OK;
      },
      proxy_remove_header_map_value(type, kp, kl) {
        self.calls++;
        const key = self.text(kp, kl).toLowerCase();
        const map = self.map(type);
        for (let i = map.length - 1; i >= 0; i--) if (map[i][0] === key) map.splice(i, 1);
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

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function run(spec, options) {
  const bytes = readFileSync(spec.path);
  const host = new Host(spec.config);
  const t0 = process.hrtime.bigint();
  const module = new WebAssembly.Module(bytes);
  const wasi = new WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true });
  const instance = new WebAssembly.Instance(module, { ...host.imports(module), ...wasi.getImportObject() });
  host.bind(instance);
  const x = instance.exports;
  wasi.initialize(instance);
  const root = 1;
  host.context = root;
  x.proxy_on_context_create(root, 0);
  if (x.proxy_on_vm_start && x.proxy_on_vm_start(root, 0) === 0) throw new Error(`${spec.name}: VM start failed`);
  if (x.proxy_on_configure && x.proxy_on_configure(root, spec.config.length) === 0) {
    // Most often a host call this host leaves unimplemented (metrics, queues, gRPC): say which.
    const missing = host.unimplemented.size > 0 ? ` (it called ${[...host.unimplemented].join(', ')}, which this host lacks)` : '';
    throw new Error(`${spec.name}: plugin start failed${missing}`);
  }
  const startMillis = Number(process.hrtime.bigint() - t0) / 1e6;
  const pagesAtStart = x.memory.buffer.byteLength / 65536;

  const times = new Float64Array(options.streams);
  let id = root + 1;
  // A module without HTTP callbacks (a TCP or tick-only sample) is measured for start and memory only.
  const http = x.proxy_on_request_headers && x.proxy_on_response_headers;
  const total = http ? options.warmup + options.streams : 0;
  const callsBefore = host.calls;
  for (let i = 0; i < total; i++) {
    const ctx = id++;
    const begin = process.hrtime.bigint();
    host.context = ctx;
    host.maps.set(ctx * 8 + REQUEST_HEADERS, [[':path', '/'], [':method', 'GET'], [':authority', 'example.com']]);
    x.proxy_on_context_create(ctx, root);
    x.proxy_on_request_headers(ctx, 3, 1);
    host.maps.set(ctx * 8 + RESPONSE_HEADERS, [[':status', '200']]);
    x.proxy_on_response_headers(ctx, 1, 1);
    if (x.proxy_on_log) x.proxy_on_log(ctx);
    if (x.proxy_on_done) x.proxy_on_done(ctx);
    if (x.proxy_on_delete) x.proxy_on_delete(ctx);
    host.maps.delete(ctx * 8 + REQUEST_HEADERS);
    host.maps.delete(ctx * 8 + RESPONSE_HEADERS);
    const elapsed = Number(process.hrtime.bigint() - begin) / 1000;
    if (i >= options.warmup) times[i - options.warmup] = elapsed;
  }
  const callsPerStream = http ? (host.calls - callsBefore) / total : NaN;
  const sorted = http ? Array.from(times).sort((a, b) => a - b) : [];
  const mean = http ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN;
  return {
    name: spec.name, size: bytes.length, startMillis, pagesAtStart,
    pagesAtEnd: x.memory.buffer.byteLength / 65536, callsPerStream,
    mean, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99),
    unimplemented: [...host.unimplemented],
  };
}

const options = parseArgs(process.argv.slice(2));
if (options.help || options.modules.length === 0) {
  console.log('usage: node --no-liftoff bench/v8/bench.mjs [--streams N] [--warmup N] [--rounds N]'
    + ' name=path.wasm[@config.json] ...');
  process.exit(options.help ? 0 : 2);
}
const flags = process.execArgv.join(' ') || '(none)';
console.log(`V8 ${process.versions.v8} (node ${process.version}), flags ${flags}; ${options.streams} streams after`
  + ` ${options.warmup} warm-up, ${options.rounds} rounds taking turns (medians)`);
// The modules take turns, round after round, each time in a fresh VM: the host's own JavaScript is
// shared by all of them, so whichever ran first would otherwise pay for warming it up.
const rounds = options.modules.map(() => []);
for (let round = 0; round < options.rounds; round++) {
  options.modules.forEach((spec, i) => rounds[i].push(run(spec, options)));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = rounds.map((runs) => ({
  ...runs[0],
  startMillis: runs[0].startMillis, // the first round's: later ones reuse V8's compiled code
  mean: median(runs.map((r) => r.mean)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  pagesAtEnd: Math.max(...runs.map((r) => r.pagesAtEnd)),
}));
const baseline = results[results.length - 1];
console.log('| module | size | start (instantiate + configure) | mean | p50 | p99 | p50 vs last | host calls/stream | pages at start → end |');
console.log('|---|---|---|---|---|---|---|---|---|');
const shown = (value, digits, unit) => (Number.isNaN(value) ? '—' : `${value.toFixed(digits)}${unit}`);
for (const r of results) {
  console.log(`| ${r.name} | ${r.size.toLocaleString('en')} B | ${r.startMillis.toFixed(1)} ms | ${shown(r.mean, 1, ' µs')}`
    + ` | ${shown(r.p50, 1, ' µs')} | ${shown(r.p99, 1, ' µs')} | ${shown(r.p50 / baseline.p50, 2, '×')}`
    + ` | ${shown(r.callsPerStream, 0, '')} | ${r.pagesAtStart} → ${r.pagesAtEnd} |`);
  if (r.unimplemented.length > 0) console.log(`  (${r.name} called host functions this host does not implement: ${r.unimplemented.join(', ')})`);
}
