package io.codextestgen.plan;

import java.util.List;

/**
 * The support class emitted once per package: where the spec lives at run time, the spec's server URL when the
 * user allowed it as a fallback (else null), and the credentials of every security scheme used.
 */
public record SupportPlan(
    String className,
    String specFileName,
    String specSha256,
    String specPathInTests,
    String fallbackServerUrl,
    List<CredentialPlan> credentials) {

  public SupportPlan {
    credentials = List.copyOf(credentials);
  }
}
