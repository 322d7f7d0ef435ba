package io.codextestgen.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.swagger.v3.parser.util.OpenAPIDeserializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds swagger-parser's model of an OpenAPI 3.0 tree as {@code OpenAPIDeserializer.deserialize} does, without its
 * first step: a copy of the whole tree as nested maps, which only JSON Schema parser extensions read. On a large
 * spec that copy was a third of the deserialization; when an extension is on the class path it is still made.
 */
final class OpenApi30Deserializer {

  private OpenApi30Deserializer() {}

  static SwaggerParseResult deserialize(String location, JsonNode root, ParseOptions options) {
    if (!OpenAPIDeserializer.getJsonSchemaParserExtensions().isEmpty()) {
      return new OpenAPIDeserializer().deserialize(root, location, options, options.isOaiAuthor());
    }
    OpenAPIDeserializer.ParseResult parse = new OpenAPIDeserializer.ParseResult();
    parse.setOaiAuthor(options.isOaiAuthor());
    parse.setInferSchemaType(options.isInferSchemaType());
    parse.setAllowEmptyStrings(options.isAllowEmptyString());
    parse.setValidateInternalRefs(options.isValidateInternalRefs());
    parse.setExplicitStyleAndExplode(options.isExplicitStyleAndExplode());
    SwaggerParseResult result = new SwaggerParseResult();
    try {
      OpenAPI openApi = new OpenAPIDeserializer().parseRoot(root, parse, location);
      result.openapi31(parse.isOpenapi31());
      result.setOpenAPI(openApi);
      result.setMessages(parse.getMessages());
    } catch (Exception e) { // as swagger-parser's deserialize: a failure becomes the result's message
      String message = e.getMessage();
      result.setMessages(new ArrayList<>(List.of(message == null || message.isBlank()
          ? "Unexpected error deserialising spec"
          : message)));
    }
    return result;
  }
}
