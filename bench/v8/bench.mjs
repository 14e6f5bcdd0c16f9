// Runs proxy-wasm modules on V8 (Node) through a host that does what Envoy's host does
// (host.mjs), and prints per-stream time, start-up time and memory pages side by side. Usage
// (Envoy's V8 flags):
//
//   node --no-liftoff bench/v8/bench.mjs [--streams N] [--warmup N] [--rounds N] name=path.wasm[@config] ...
//
// Every module gets the same streams: request headers (:path, :method, :authority), response
// headers (:status), then on_log, on_done, on_delete, as Envoy ends a stream; each callback only if
// the module exports it. A plugin that follows the Go SDK's http_headers example makes 16 host
// calls per stream: 1 replace, 2 pair reads, 3 adds, 10 logs. A module without header callbacks
// (TCP, tick-only, body-only: the streams carry no body) is measured for start and memory only.
// The "p50 vs last" column compares with the last module that ran streams.
//
// Start is compile + instantiate + _initialize + the root context's proxy_on_context_create +
// proxy_on_vm_start + proxy_on_configure, the median over the rounds. Every start, timed or not,
// compiles its own copy of the module (an extra custom section, so V8 does not reuse the code it
// compiled for another round: a reused module started in under 1 ms). Before any timed start, the
// bench starts a copy of every module once, untimed, then collects the garbage: without that, the
// first module timed paid 2 to 3 ms for the host's own JavaScript running for the first time, and
// with a warm-up of the first module alone, the modules timed next were still 1 to 4 ms slower
// than the same modules timed last (collecting the warm-up's garbage). Now a module's start is the
// same, within about 1 ms, wherever it comes in the run.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WASI } from 'node:wasi';
import { Host } from './host.mjs';

const REQUEST_HEADERS = 0, RESPONSE_HEADERS = 2;

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
      options.modules.push({ name: arg.slice(0, eq), bytes: readFileSync(path), config: config ? readFileSync(config) : new Uint8Array(0) });
    }
  }
  return options;
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

/**
 * The module with a custom section added, named by the label: V8 takes it for another module and
 * compiles it afresh, instead of reusing the code it compiled for an earlier round or a warm-up.
 */
function distinctCopy(bytes, label) {
  const name = new TextEncoder().encode(`bench ${label}`);
  return Buffer.concat([bytes, Uint8Array.of(0, name.length + 1, name.length), name]);
}

// The headers Envoy's codec would hand every stream, as bytes.
const REQUEST = Host.headerMap([[':path', '/'], [':method', 'GET'], [':authority', 'example.com']]);
const RESPONSE = Host.headerMap([[':status', '200']]);

function run(spec, options, label) {
  const bytes = distinctCopy(spec.bytes, label);
  const root = 1;
  const host = new Host(spec.config, spec.name, root);
  const t0 = process.hrtime.bigint();
  const module = new WebAssembly.Module(bytes);
  const wasi = new WASI({ version: 'preview1', args: [], env: {}, returnOnExit: true });
  const instance = new WebAssembly.Instance(module, { ...host.imports(module), ...wasi.getImportObject() });
  host.bind(instance);
  const x = instance.exports;
  wasi.initialize(instance);
  host.context = root;
  x.proxy_on_context_create(root, 0);
  // A refusal may come from a host call this host leaves unimplemented: say which.
  const refused = (step) => new Error(`${spec.name}: ${step} failed` + (host.unimplemented.size === 0 ? ''
    : ` (it called ${[...host.unimplemented].join(', ')}, which this host lacks)`));
  if (x.proxy_on_vm_start && x.proxy_on_vm_start(root, 0) === 0) throw refused('VM start');
  if (x.proxy_on_configure && x.proxy_on_configure(root, spec.config.length) === 0) throw refused('plugin start');
  const startMillis = Number(process.hrtime.bigint() - t0) / 1e6;
  const pagesAtStart = x.memory.buffer.byteLength / 65536;

  const times = new Float64Array(options.streams);
  let id = root + 1;
  // A module without HTTP header callbacks (a TCP, tick-only or body-only sample: the streams carry
  // no body) is measured for start and memory only.
  const http = x.proxy_on_request_headers || x.proxy_on_response_headers;
  const total = http ? options.warmup + options.streams : 0;
  const callsBefore = host.calls;
  for (let i = 0; i < total; i++) {
    const ctx = id++;
    const begin = process.hrtime.bigint();
    host.context = ctx;
    host.maps.set(ctx * 8 + REQUEST_HEADERS, REQUEST.map((pair) => [...pair]));
    x.proxy_on_context_create(ctx, root);
    if (x.proxy_on_request_headers) x.proxy_on_request_headers(ctx, 3, 1);
    host.maps.set(ctx * 8 + RESPONSE_HEADERS, RESPONSE.map((pair) => [...pair]));
    if (x.proxy_on_response_headers) x.proxy_on_response_headers(ctx, 1, 1);
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
    name: spec.name, size: spec.bytes.length, startMillis, pagesAtStart,
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
// Likewise for start (see the top): warm the host up on copies of the modules, then collect.
for (const spec of options.modules) run(spec, { ...options, streams: 0, warmup: 0 }, 'warm-up');
setFlagsFromString('--expose-gc');
runInNewContext('gc')();
const rounds = options.modules.map(() => []);
for (let round = 0; round < options.rounds; round++) {
  options.modules.forEach((spec, i) => rounds[i].push(run(spec, options, `round ${round}`)));
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const results = rounds.map((runs) => ({
  ...runs[0],
  startMillis: median(runs.map((r) => r.startMillis)), // each round compiles its own copy
  mean: median(runs.map((r) => r.mean)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  pagesAtEnd: Math.max(...runs.map((r) => r.pagesAtEnd)),
}));
const baseline = results.findLast((r) => !Number.isNaN(r.p50)) ?? results[results.length - 1];
console.log('| module | size | start (instantiate + configure) | mean | p50 | p99 | p50 vs last | host calls/stream | pages at start → end |');
console.log('|---|---|---|---|---|---|---|---|---|');
const shown = (value, digits, unit) => (Number.isNaN(value) ? '—' : `${value.toFixed(digits)}${unit}`);
for (const r of results) {
  console.log(`| ${r.name} | ${r.size.toLocaleString('en')} B | ${r.startMillis.toFixed(1)} ms | ${shown(r.mean, 1, ' µs')}`
    + ` | ${shown(r.p50, 1, ' µs')} | ${shown(r.p99, 1, ' µs')} | ${shown(r.p50 / baseline.p50, 2, '×')}`
    + ` | ${shown(r.callsPerStream, 0, '')} | ${r.pagesAtStart} → ${r.pagesAtEnd} |`);
  if (r.unimplemented.length > 0) console.log(`  (${r.name} called host functions this host does not implement: ${r.unimplemented.join(', ')})`);
}
