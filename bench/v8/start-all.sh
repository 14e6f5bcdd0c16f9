#!/usr/bin/env bash
# Start (and, with header callbacks, per-stream time) of every sample on V8, in one run, each with
# the configuration it needs to start: the "Start of every sample" table in bench/README.md.
# Run from anywhere after `mvn install -DskipTests` built samples/*/target/*.wasm; extra arguments
# go to bench.mjs (e.g. --rounds 5).
#
#   bash bench/v8/start-all.sh [--streams N] [--warmup N] [--rounds N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
configs="$(mktemp -d)"
trap 'rm -rf "$configs"' EXIT

# The samples that refuse to start without a configuration, and the one each gets here.
config_of() {
  case "$1" in
    custom-errors) echo '{"targetURLPrefixes": "a"}' ;;
    http-headers) echo '{"header": "x-wasm-header", "value": "demo-wasm"}' ;;
    properties-auth) echo '10.0.0.1' ;;   # the host's streams come from 10.0.0.1:5000
    shared-queue) echo 'receiver' ;;      # a sender needs a receiver's queue in another plugin
    *) ;;
  esac
}

modules=()
for wasm in "$root"/samples/*/target/*.wasm; do
  sample="$(basename "$(dirname "$(dirname "$wasm")")")"
  [ "$(basename "$wasm" .wasm)" = "$sample" ] || continue
  config="$(config_of "$sample")"
  if [ -n "$config" ]; then
    printf '%s' "$config" > "$configs/$sample"
    modules+=("$sample=$wasm@$configs/$sample")
  else
    modules+=("$sample=$wasm")
  fi
done
[ ${#modules[@]} -gt 0 ] || { echo "no samples/*/target/*.wasm: build first (mvn install -DskipTests)" >&2; exit 2; }

node --no-liftoff --no-warnings "$root/bench/v8/bench.mjs" --streams 2000 --warmup 200 --rounds 3 "$@" "${modules[@]}"
