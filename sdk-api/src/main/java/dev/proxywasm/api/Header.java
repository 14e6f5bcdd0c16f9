package dev.proxywasm.api;

/** One header (or trailer, or metadata entry): a lower-case name and a value. */
public record Header(String name, String value) {}
