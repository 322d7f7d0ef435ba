package io.codextestgen.plan;

import io.codextestgen.api.Operation;
import java.util.List;

/**
 * What every family planner of one operation starts from: the operation, its names, the security alternatives
 * tests can satisfy, and its valid requests (the first is the JSON one when the operation takes JSON).
 */
record OperationContext(
    Operation operation,
    String label,
    String operationId,
    String baseName,
    List<List<String>> alternatives,
    List<ValidRequest> validRequests,
    Names.Unique methodNames) {

  ValidRequest primary() {
    return validRequests.get(0);
  }

  String method(String suffix) {
    return methodNames.claim(baseName + "_" + suffix);
  }
}
