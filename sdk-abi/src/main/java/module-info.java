/**
 * The proxy-wasm ABI 0.2.1 table and wire enumerations, shared by the SDK's modules; not an author API.
 */
module dev.proxywasm.abi {
    exports dev.proxywasm.abi;
}
