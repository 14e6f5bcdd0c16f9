/**
 * Service-provider interface between the plugin API and a backend: the WebAssembly bindings or
 * the test emulator. Plugin code does not use this package.
 */
package dev.proxywasm.runtime;
