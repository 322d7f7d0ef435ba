package io.codextestgen.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codextestgen.testing.Specs;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a spec's example must satisfy before a request sends it: the keywords and formats a server checks. */
class SchemaCheckTest {

  private static SchemaCheck check;

  @BeforeAll
  static void read(@TempDir Path dir) {
    ApiModel model = Specs.modelWithSchemas(dir, """
        Formats:
          type: object
          properties:
            duration: { type: string, format: duration }
            uuid: { type: string, format: uuid }
            date: { type: string, format: date }
            time: { type: string, format: time }
            pointer: { type: string, format: json-pointer }
            relative: { type: string, format: relative-json-pointer }
            host: { type: string, format: hostname }
            ipv6: { type: string, format: ipv6 }
            regex: { type: string, format: regex }
            count: { type: integer }
        Account:
          type: object
          required: [id, owner]
          properties:
            id: { type: integer, readOnly: true }
            owner: { type: string }
        """);
    check = new SchemaCheck(model);
  }

  private static java.util.List<String> violations(String schema, String json) throws Exception {
    JsonNode value = new ObjectMapper().readTree(json);
    return check.violations(SchemaNode.reference(schema), value);
  }

  @Test
  void formatsAServerChecksAreJudged() throws Exception {
    assertThat(violations("Formats", """
        {"duration": "P1DT2H", "uuid": "123e4567-e89b-12d3-a456-426652340000", "date": "2025-01-31",
         "time": "16:39:57-08:00", "pointer": "/a~1b", "relative": "2/foo/0", "host": "readme.com",
         "ipv6": "::1", "regex": "/[Ee]xample/", "count": 5.0}""")).isEmpty();
    for (String broken : java.util.List.of("{\"duration\": \"TBD\"}", "{\"duration\": \"P\"}",
        "{\"uuid\": \"4f4e4e1-c824-4d63-b37a-d8d698862f1d\"}", "{\"date\": \"2025-10-15T13:52:01.596Z\"}",
        "{\"time\": \"25:00:00Z\"}", "{\"pointer\": \"#/a~1b\"}", "{\"relative\": \"/foo\"}",
        "{\"host\": \"not a host\"}", "{\"ipv6\": \"example.com\"}", "{\"regex\": \"[\"}")) {
      assertThat(violations("Formats", broken)).as(broken).containsExactly("format");
    }
    assertThat(violations("Formats", "{\"count\": 5.5}")).containsExactly("type");
  }

  /** OpenAPI: a required readOnly member is required in responses only; a request value may leave it out. */
  @Test
  void aRequestValueMayLeaveOutARequiredReadOnlyMember() throws Exception {
    assertThat(violations("Account", "{\"owner\": \"ann\"}")).isEmpty();
    assertThat(violations("Account", "{\"id\": 1}")).containsExactly("required");
  }
}
