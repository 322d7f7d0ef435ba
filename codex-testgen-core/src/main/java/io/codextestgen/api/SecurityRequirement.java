package io.codextestgen.api;

import java.util.List;

/** One alternative of an operation's security: all of these schemes together (AND). Empty means public. */
public record SecurityRequirement(List<String> schemeNames) {

  public SecurityRequirement {
    schemeNames = List.copyOf(schemeNames);
  }
}
