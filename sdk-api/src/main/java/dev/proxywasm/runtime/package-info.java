/**
 * The SDK's runtime, shared by every backend: the host interface the API talks to, the context
 * table and failure policy the generated glue calls, and the dispatch of asynchronous answers.
 * Not exported from the module; plugin code never uses it.
 */
package dev.proxywasm.runtime;
