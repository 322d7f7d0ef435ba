package io.codextestgen.plan;

import java.util.List;

/**
 * A request body. JSON and text bodies carry {@code text}; form and multipart bodies carry {@code fields}
 * (multipart fields whose names are in {@code fileFields} are sent as files).
 */
public record BodyPlan(String contentType, Kind kind, String text, List<NameValue> fields, List<String> fileFields) {

  /** How the body is put on the wire. */
  public enum Kind {
    JSON, FORM, MULTIPART, TEXT
  }

  public BodyPlan {
    fields = List.copyOf(fields);
    fileFields = List.copyOf(fileFields);
  }
}
