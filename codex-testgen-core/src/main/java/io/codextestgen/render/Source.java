package io.codextestgen.render;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link CodeBlock} in long runs of text. JavaPoet emits each part of a code block on its own (a regular
 * expression split, indentation bookkeeping, twice per file), so a request chain made of many small blocks cost
 * several times its text; here plain values are written into the text at once, and only types ({@code $T}) and
 * the rare composite literal stay JavaPoet arguments. The emitted source is the same.
 *
 * <p>{@link #add(String, Object...)} knows {@code $L} (a string, number, {@code Source} or {@code CodeBlock}),
 * {@code $T}, {@code $>}, {@code $<} and {@code $$}.
 */
final class Source {

  private final StringBuilder format = new StringBuilder();
  private final List<Object> args = new ArrayList<>();

  Source add(String template, Object... values) {
    int next = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '$') {
        format.append(c);
        continue;
      }
      char kind = ++i < template.length() ? template.charAt(i) : ' ';
      switch (kind) {
        case '$', '>', '<' -> format.append('$').append(kind);
        case 'T' -> {
          format.append("$T");
          args.add(values[next++]);
        }
        case 'L' -> value(values[next++]);
        default -> throw new IllegalArgumentException("unsupported placeholder $" + kind + " in: " + template);
      }
    }
    if (next != values.length) {
      throw new IllegalArgumentException(values.length + " values for " + next + " placeholders in: " + template);
    }
    return this;
  }

  /** Appends another source's text and arguments (it stays usable). */
  Source add(Source other) {
    format.append(other.format);
    args.addAll(other.args);
    return this;
  }

  /** A string expression for {@code text}, as {@link JavaText#literal} spells it. */
  Source literal(String text) {
    String plain = JavaText.plainLiteral(text);
    return plain != null ? code(plain) : add("$L", JavaText.literal(text));
  }

  /**
   * The width of the text as JavaPoet writes it on one line: a type by its simple name (it is imported), and no
   * name at all for a member of a class in {@code staticallyImported} ({@code $T.row} is written {@code row}).
   */
  int width(Set<String> staticallyImported) {
    int width = 0;
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '$') {
        width++;
        continue;
      }
      char kind = format.charAt(++i);
      if (kind == '$') {
        width++;
      } else if (kind == 'T') {
        Object type = args.get(next++);
        String name = type instanceof ClassName className ? className.simpleName() : String.valueOf(type);
        if (staticallyImported.contains(name) && i + 1 < format.length() && format.charAt(i + 1) == '.') {
          i++; // the member follows without its class
        } else {
          width += name.length();
        }
      } else if (kind == 'L') {
        width += String.valueOf(args.get(next++)).length();
      }
    }
    return width;
  }

  boolean isEmpty() {
    return format.length() == 0;
  }

  CodeBlock build() {
    return CodeBlock.of(format.toString(), args.toArray());
  }

  private void value(Object value) {
    if (value instanceof Source source) {
      add(source);
    } else if (value instanceof CodeBlock block) {
      format.append("$L");
      args.add(block);
    } else {
      code(String.valueOf(value));
    }
  }

  /** Source text as is: a '$' in it is written as JavaPoet's escape. */
  private Source code(String text) {
    int from = 0;
    for (int dollar = text.indexOf('$'); dollar >= 0; dollar = text.indexOf('$', from)) {
      format.append(text, from, dollar).append("$$");
      from = dollar + 1;
    }
    format.append(text, from, text.length());
    return this;
  }
}
