package io.codextestgen.render;

/** One generated source file: its path relative to the output directory ('/'-separated) and its text (LF ends). */
public record RenderedFile(String relativePath, String content) {}
