package io.codextestgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodexTestgenCliTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CodexTestgenCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path spec(String maximum) throws IOException {
    return Files.writeString(dir.resolve("openapi.yaml"), """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        paths:
          /pets:
            get:
              tags: [pets]
              operationId: listPets
              parameters:
                - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: %s } }
              responses:
                '200': { description: pets }
        """.formatted(maximum));
  }

  @Test
  void refMappingsReadSharedSchemasFromALocalCopy() throws IOException {
    Files.createDirectories(dir.resolve("vendored/common"));
    Files.writeString(dir.resolve("vendored/common/pet.yaml"),
        "Pet: { type: object, required: [name], properties: { name: { type: string, maxLength: 30 } } }\n");
    Path spec = Files.writeString(dir.resolve("openapi.yaml"), """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        paths:
          /pets:
            post:
              operationId: addPet
              requestBody:
                required: true
                content: { application/json: { schema: { $ref: 'https://schemas.example.com/common/pet.yaml#/Pet' } } }
              responses:
                '201': { description: added }
        """);
    String output = dir.resolve("out").toString();

    assertThat(run("generate", "-s", spec.toString(), "-o", output)).as(err.toString()).isEqualTo(2);
    assertThat(err.toString()).contains("remote $ref 'https://schemas.example.com/common/pet.yaml#/Pet' refused");

    assertThat(run("generate", "-s", spec.toString(), "-o", output,
        "--ref-mapping", "https://schemas.example.com/=" + dir.resolve("vendored"))).as(err.toString()).isZero();
    assertThat(Files.readString(dir.resolve("out/apitests/PetsApiIT.java"))).contains("longer than 30");

    assertThat(run("generate", "-s", spec.toString(), "-o", output, "--ref-mapping", "https://schemas.example.com/"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--ref-mapping: ").contains("is not URL_PREFIX=PATH");
  }

  @Test
  void generateThenCheckThenDriftThenBadInput() throws IOException {
    Path spec = spec("50");
    String output = dir.resolve("out").toString();

    assertThat(run("generate", "--spec", spec.toString(), "--output", output, "--package", "com.example.pets"))
        .isZero();
    assertThat(out.toString()).contains("tests for 1 of 1 operations, in 1 classes from openapi.yaml").contains("(5 written");
    assertThat(dir.resolve("out/com/example/pets/PetsApiIT.java")).exists();

    assertThat(run("check", "-s", spec.toString(), "-o", output, "-p", "com.example.pets")).isZero();
    assertThat(out.toString()).contains("is up to date");

    spec("20");
    assertThat(run("check", "-s", spec.toString(), "-o", output, "-p", "com.example.pets")).isEqualTo(1);
    assertThat(out.toString()).contains("--- a/com/example/pets/PetsApiIT.java").contains("changed: ")
        .contains("run this, then review and commit the changes:\n  codex-testgen generate -s " + spec + " -o "
            + output + " -p com.example.pets");

    Files.writeString(spec, "openapi: 3.0.3\npaths: [broken\n");
    assertThat(run("generate", "-s", spec.toString(), "-o", output)).isEqualTo(2);
    assertThat(err.toString()).contains("nothing was written").contains("syntax error");
  }

  @Test
  void helpAndUsageErrors() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("generate").contains("check").contains("Exit codes");
    assertThat(run("generate", "--output", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("--spec: not set, and the project has none of src/main/resources/openapi.yaml");
    assertThat(run("generate", "-s", "a.yaml", "-o", "x", "--package", "Not-A-Package")).isEqualTo(2);
    assertThat(err.toString()).contains("--package: 'Not-A-Package' is not a valid");
  }
}
