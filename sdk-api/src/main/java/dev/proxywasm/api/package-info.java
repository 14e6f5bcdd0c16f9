/**
 * The plugin author's API: annotate a class with {@link dev.proxywasm.api.ProxyWasmPlugin}, its
 * callbacks with {@code @OnRequestHeaders} and siblings, and use the handles ({@link
 * dev.proxywasm.api.Headers}, {@link dev.proxywasm.api.Body}, {@link dev.proxywasm.api.HttpStream},
 * {@link dev.proxywasm.api.Connection}), each bound to its own stream, and {@link
 * dev.proxywasm.api.Log} inside them. Nothing here depends on a backend.
 */
package dev.proxywasm.api;
