package io.codextestgen.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {

  private static Selection only(List<String> includeTags, List<String> excludePaths, List<String> excludeMethods) {
    return new Selection(includeTags, List.of(), List.of(), List.of("legacyOp"), List.of(), excludePaths,
        List.of(), excludeMethods);
  }

  @Test
  void everythingIsSelectedByDefault() {
    assertThat(Selection.ALL.rejects(List.of("x"), "op", "/a/{id}", "GET")).isEmpty();
  }

  @Test
  void includesAndExcludesCombine() {
    Selection selection = only(List.of("books"), List.of("/admin/**"), List.of("patch"));

    assertThat(selection.rejects(List.of("books"), "listBooks", "/books", "GET")).isEmpty();
    assertThat(selection.rejects(List.of("orders"), "listOrders", "/orders", "GET")).get().asString()
        .contains("includeTags");
    assertThat(selection.rejects(List.of("books"), "legacyOp", "/books/old", "GET")).get().asString()
        .contains("excludeOperations");
    assertThat(selection.rejects(List.of("books"), "purge", "/admin/books/{id}", "POST")).get().asString()
        .contains("excludePaths");
    assertThat(selection.rejects(List.of("books"), "patchBook", "/books/{id}", "PATCH")).get().asString()
        .contains("excludeMethods");
  }

  @Test
  void pathGlobsTreatTemplatesLiterally() {
    assertThat(Selection.matches("/books/*", "/books/{bookId}")).isTrue();
    assertThat(Selection.matches("/books/{bookId}", "/books/{bookId}")).isTrue();
    assertThat(Selection.matches("/books/*", "/books/{bookId}/reviews")).isFalse();
    assertThat(Selection.matches("/books/**", "/books/{bookId}/reviews")).isTrue();
    assertThat(Selection.matches("/admin/**", "/admin")).isTrue();
  }
}
