package io.codextestgen.plan;

/** A named string value: a parameter, header, cookie or form field as it goes on the wire. */
public record NameValue(String name, String value) {}
