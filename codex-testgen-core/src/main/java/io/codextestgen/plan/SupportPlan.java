package io.codextestgen.plan;

import java.util.List;

/**
 * The support class emitted once per package: where the spec lives at run time, the spec's server URL when the
 * user allowed it as a fallback (else null), and the credentials of every security scheme used. A failed test logs
 * its request and response with {@code sensitiveHeaders} masked, unless {@code logFailures} is false (a secret
 * travels in the query string, which REST Assured cannot mask). {@code rateLimitCaps} bound every rate-limit burst.
 */
public record SupportPlan(
    String className,
    String specFileName,
    String specPathInTests,
    String fallbackServerUrl,
    List<CredentialPlan> credentials,
    List<String> sensitiveHeaders,
    boolean logFailures,
    RateLimitCaps rateLimitCaps) {

  public SupportPlan {
    credentials = List.copyOf(credentials);
    sensitiveHeaders = List.copyOf(sensitiveHeaders);
  }
}
