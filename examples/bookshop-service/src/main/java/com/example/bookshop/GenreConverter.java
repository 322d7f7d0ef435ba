package com.example.bookshop;

import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads {@code ?genre=fiction} as the spec writes it. Without it, Spring looks for the constant named "fiction"
 * and answers 400: the generated listBooks test found exactly that bug.
 */
@Component
public class GenreConverter implements Converter<String, Genre> {

  @Override
  public Genre convert(String source) {
    return Genre.valueOf(source.trim().toUpperCase(Locale.ROOT));
  }
}
