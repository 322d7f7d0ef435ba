package io.codextestgen.plan;

import java.util.List;

/**
 * Everything a test sends: parameters by location, the security schemes whose credentials go along (all of
 * them: one AND-alternative of the operation), and
 * the body (null when none).
 */
public record RequestPlan(
    String method,
    String path,
    List<NameValue> pathParams,
    List<NameValue> queryParams,
    List<NameValue> headers,
    List<NameValue> cookies,
    List<String> credentials,
    BodyPlan body) {

  public RequestPlan {
    pathParams = List.copyOf(pathParams);
    queryParams = List.copyOf(queryParams);
    headers = List.copyOf(headers);
    cookies = List.copyOf(cookies);
    credentials = List.copyOf(credentials);
  }
}
