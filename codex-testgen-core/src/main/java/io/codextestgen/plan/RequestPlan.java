package io.codextestgen.plan;

import java.util.List;

/**
 * Everything a test sends: parameters by location, the credentials that go along (for a valid request, all
 * schemes of one AND-alternative of the operation), the path parameters filled at run time with a resource the
 * test class creates ({@code producedPathParams}: parameter name and the {@link ProducerPlan} method), and
 * the body (null when none).
 */
public record RequestPlan(
    String method,
    String path,
    List<NameValue> pathParams,
    List<NameValue> queryParams,
    List<NameValue> headers,
    List<NameValue> cookies,
    List<CredentialUse> credentials,
    BodyPlan body,
    List<NameValue> producedPathParams) {

  /** A request whose path parameters all have fixed values. */
  public RequestPlan(String method, String path, List<NameValue> pathParams, List<NameValue> queryParams,
      List<NameValue> headers, List<NameValue> cookies, List<CredentialUse> credentials, BodyPlan body) {
    this(method, path, pathParams, queryParams, headers, cookies, credentials, body, List.of());
  }

  public RequestPlan {
    producedPathParams = List.copyOf(producedPathParams);
    pathParams = List.copyOf(pathParams);
    queryParams = List.copyOf(queryParams);
    headers = List.copyOf(headers);
    cookies = List.copyOf(cookies);
    credentials = List.copyOf(credentials);
  }

  public RequestPlan withCredentials(List<CredentialUse> newCredentials) {
    return new RequestPlan(method, path, pathParams, queryParams, headers, cookies, newCredentials, body,
        producedPathParams);
  }

  public RequestPlan withBody(BodyPlan newBody) {
    return new RequestPlan(method, path, pathParams, queryParams, headers, cookies, credentials, newBody,
        producedPathParams);
  }

  public RequestPlan withProduced(List<NameValue> produced) {
    return new RequestPlan(method, path, pathParams, queryParams, headers, cookies, credentials, body, produced);
  }
}
