/**
 * The proxy-wasm ABI 0.2.1 enumerations, each constant carrying its wire code.
 * Mirrors the ABI and nothing else; user-level types live in {@code dev.proxywasm.api}.
 */
package dev.proxywasm.abi;
