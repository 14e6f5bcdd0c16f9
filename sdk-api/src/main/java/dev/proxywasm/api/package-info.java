/**
 * The plugin author's API: annotate a class with {@link dev.proxywasm.api.ProxyWasmPlugin}, its
 * callbacks with {@code @OnRequestHeaders} and siblings, and use the views ({@link
 * dev.proxywasm.api.Headers}, {@link dev.proxywasm.api.Body}, {@link dev.proxywasm.api.HttpStream})
 * and {@link dev.proxywasm.api.Log} inside them. Nothing here depends on a backend.
 */
package dev.proxywasm.api;
