package io.codextestgen.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codextestgen.diag.Diagnostic;
import io.codextestgen.diag.GenerationException;
import io.codextestgen.emit.WriteReport;
import io.codextestgen.plan.CredentialPlan;
import io.codextestgen.plan.OperationSummary;
import io.codextestgen.plan.TestPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes report.json and report.md: per operation and family, the tests generated and why others were not. */
public final class ReportWriter {

  private static final List<String> FAMILIES = java.util.Arrays.stream(io.codextestgen.config.Family.values())
      .map(io.codextestgen.config.Family::tag).toList();

  private ReportWriter() {}

  public static SuiteReport summarize(TestPlan plan, WriteReport files) {
    Map<String, Integer> byFamily = new TreeMap<>();
    int responsesDocumented = 0;
    int responsesExercised = 0;
    int operationsTested = 0;
    for (OperationSummary operation : plan.operations()) {
      operation.tests().forEach((family, count) -> byFamily.merge(family, count, Integer::sum));
      operationsTested += operation.tests().isEmpty() ? 0 : 1;
      for (String status : operation.documentedStatuses()) {
        responsesDocumented++;
        if (operation.exercisedStatuses().contains(status)) {
          responsesExercised++;
        }
      }
    }
    Map<String, List<String>> changes = new LinkedHashMap<>();
    changes.put("written", files.written());
    changes.put("unchanged", files.unchanged());
    changes.put("deleted", files.deleted());
    changes.put("ownedByAPerson", files.humanOwned());
    return new SuiteReport(plan.title(), plan.support().specFileName(),
        byFamily.values().stream().mapToInt(Integer::intValue).sum(), byFamily, operationsTested,
        plan.operations().size(), responsesExercised, responsesDocumented,
        plan.support().credentials().stream().map(CredentialPlan::schemeName).toList(), plan.securitySchemes(),
        plan.operations(), changes, plan.warnings().stream().map(d -> d.message())
            .filter(m -> m.startsWith("LLM proposal rejected")).toList(), security(plan));
  }

  /**
   * Per scheme, where the tests' credentials come from (tokens: how they are fetched); then how many operations
   * the scope tests and the second identity's tests cover.
   */
  private static List<String> security(TestPlan plan) {
    List<String> lines = new ArrayList<>();
    for (CredentialPlan credential : plan.support().credentials()) {
      String how = switch (credential.kind()) {
        case API_KEY -> "API key in " + credential.location() + " " + code(credential.parameterName()) + ": "
            + code(credential.property());
        case BASIC -> "HTTP basic: " + code(credential.property() + ".username") + " and `.password`";
        case BEARER -> credential.token() == null ? "bearer token: " + code(credential.property())
            : tokens(credential);
      };
      lines.add(code(credential.schemeName()) + ": " + how);
    }
    List<io.codextestgen.plan.TestCasePlan> cases = plan.classes().stream().flatMap(c -> c.cases().stream())
        .toList();
    long scoped = cases.stream().filter(c -> c.request().credentials().stream()
        .anyMatch(use -> use.mode() == io.codextestgen.plan.CredentialUse.Mode.LIMITED)).count();
    long otherIdentity = cases.stream().filter(c -> c.request().credentials().stream()
        .anyMatch(use -> use.mode() == io.codextestgen.plan.CredentialUse.Mode.OTHER_IDENTITY)).count();
    if (plan.support().credentials().stream().anyMatch(c -> c.token() != null)) {
      lines.add("scopes: " + scoped + " operation" + (scoped == 1 ? "" : "s") + " tested with a token lacking"
          + " theirs");
    }
    if (!plan.support().credentials().isEmpty()) {
      lines.add(otherIdentity > 0 ? "identities: 2, another identity's requests for items on " + otherIdentity
          + " operation" + (otherIdentity == 1 ? "" : "s") + " (`codex.auth2.<scheme>`)"
          : "identities: 1 (object-level authorization tests need secondIdentity)");
    }
    return lines;
  }

  private static String tokens(CredentialPlan credential) {
    io.codextestgen.plan.TokenPlan token = credential.token();
    List<String> sources = new ArrayList<>();
    if (token.clientCredentialsUrl() != null) {
      sources.add("client credentials at " + code(token.clientCredentialsUrl()));
    }
    if (token.passwordUrl() != null) {
      sources.add("password grant at " + code(token.passwordUrl()));
    }
    if (token.openIdConnectUrl() != null) {
      sources.add("discovery at " + code(token.openIdConnectUrl()));
    }
    return (token.openIdConnectUrl() != null ? "OpenID Connect" : "OAuth2") + " token: " + code(credential.property())
        + ", or fetched (" + (sources.isEmpty() ? code(credential.property() + ".tokenUrl") : String.join(", ",
            sources)) + ") with a client in " + code(credential.property() + ".clientId")
        + (token.scopes().isEmpty() ? "" : "; scopes asked: " + escape(String.join(" ", token.scopes())));
  }

  /** Writes both files into {@code directory}; returns their paths. */
  public static List<Path> write(SuiteReport report, Path directory) {
    try {
      Files.createDirectories(directory);
      Path json = directory.resolve("report.json");
      Path markdown = directory.resolve("report.md");
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      String jsonText = new ObjectMapper().writer(new DefaultPrettyPrinter().withObjectIndenter(indenter)
          .withArrayIndenter(indenter)).writeValueAsString(report) + "\n";
      // a lone surrogate (a spec's JSON may hold one, escaped) has no UTF-8 form: in JSON only inside a string,
      // where its escape means the same; in Markdown, the replacement character
      Files.writeString(json, replaceLoneSurrogates(jsonText, true), StandardCharsets.UTF_8);
      Files.writeString(markdown, replaceLoneSurrogates(markdown(report), false), StandardCharsets.UTF_8);
      return List.of(markdown, json);
    } catch (IOException e) {
      throw new GenerationException(Diagnostic.error("", "reportDirectory",
          "cannot write the report to " + directory + ": " + e.getMessage()));
    }
  }

  /** {@code text} with each unpaired surrogate as a JSON escape ({@code json}) or U+FFFD. */
  static String replaceLoneSurrogates(String text, boolean json) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i)); // a pair: the character it encodes
      } else if (Character.isSurrogate(c)) {
        out.append(json ? String.format(Locale.ROOT, "\\u%04x", (int) c) : "\ufffd");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }


  static String markdown(SuiteReport report) {
    StringBuilder md = new StringBuilder();
    md.append("## codex-testgen: ").append(escape(report.title())).append(" (").append(escape(report.specFile()))
        .append(")\n\n");
    md.append("| | |\n|---|---|\n");
    md.append("| tests | ").append(report.tests()).append(" (");
    List<String> parts = new ArrayList<>();
    for (String family : FAMILIES) {
      parts.add(family + " " + report.testsByFamily().getOrDefault(family, 0));
    }
    md.append(String.join(", ", parts)).append(") |\n");
    md.append("| operations with tests | ").append(report.operationsTested()).append(" of ")
        .append(report.operationsTotal()).append(" |\n");
    md.append("| documented responses a test expects | ").append(report.responsesExercised()).append(" of ")
        .append(report.responsesDocumented()).append(" |\n");
    md.append("| security schemes exercised | ").append(report.securitySchemesExercised().size()).append(" of ")
        .append(report.securitySchemesDefined().size()).append(" |\n");
    md.append("| files | ").append(count(report, "written")).append(" written, ").append(count(report, "unchanged"))
        .append(" unchanged, ").append(count(report, "deleted")).append(" deleted |\n\n");
    if (!report.security().isEmpty()) {
      md.append("### Security\n\n");
      report.security().forEach(line -> md.append("- ").append(line).append('\n')); // Markdown, spec text in code
      md.append('\n');
    }
    md.append("### Operations\n\n| operation | ").append(String.join(" | ", FAMILIES)).append(" |\n|---|")
        .append("---|".repeat(FAMILIES.size())).append('\n');
    for (OperationSummary operation : report.operations()) {
      md.append("| ").append(code(operation.method() + " " + operation.path(), true));
      if (operation.operationId() != null) {
        md.append(" ").append(escape(operation.operationId()));
      }
      for (String family : FAMILIES) {
        Integer tests = operation.tests().get(family);
        md.append(" | ").append(tests != null ? tests.toString() : "-");
      }
      md.append(" |\n");
    }
    List<String> rules = new ArrayList<>();
    for (OperationSummary operation : report.operations()) {
      if (!operation.semanticsRules().isEmpty()) {
        rules.add("- " + code(operation.method() + " " + operation.path()) + ": "
            + escape(String.join("; ", operation.semanticsRules())));
      }
    }
    if (!rules.isEmpty()) {
      md.append("\n### HTTP semantics: the rules each operation's tests check\n\n");
      rules.forEach(line -> md.append(line).append('\n'));
    }
    List<String> reasons = new ArrayList<>();
    for (OperationSummary operation : report.operations()) {
      operation.notGenerated().forEach((family, reason) -> reasons.add("- "
          + code(operation.method() + " " + operation.path()) + " " + family + ": " + escape(reason)));
    }
    if (!reasons.isEmpty()) {
      md.append("\n### Not generated, and why\n\n");
      reasons.forEach(line -> md.append(line).append('\n'));
    }
    if (!report.llmProposalsRejected().isEmpty()) {
      md.append("\n### LLM proposals rejected (not rendered)\n\n");
      report.llmProposalsRejected().forEach(line -> md.append("- ").append(escape(line)).append('\n'));
    }
    md.append("\n### Changes to the generated files\n\n");
    report.files().forEach((kind, paths) -> paths.forEach(path ->
        md.append("- ").append(kind.toLowerCase(Locale.ROOT)).append(": `").append(path).append("`\n")));
    if (report.files().values().stream().allMatch(List::isEmpty)) {
      md.append("- none\n");
    }
    return md.toString();
  }

  private static int count(SuiteReport report, String kind) {
    return report.files().getOrDefault(kind, List.of()).size();
  }

  /**
   * Spec text in running Markdown: one line (control characters and line separators become spaces), and nothing
   * Markdown or HTML would act on ({@code \\ ` * _ [ ] < > |} are escaped), so that a spec cannot break a table or
   * add a link or markup to the report a reviewer reads.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        out.append(' ');
      } else {
        if ("\\`*_[]<>|".indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@link #code(String, boolean)} outside a table. */
  static String code(String text) {
    return code(text, false);
  }

  /**
   * Spec text as a Markdown code span: fenced by more backticks than it holds in a row (padded with a space where
   * it starts or ends with one), on one line; in a table, its pipes escaped (GitHub's tables split at them even in
   * code, and only there does the backslash not show).
   */
  static String code(String text, boolean inTable) {
    StringBuilder inner = new StringBuilder(text.length());
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        inner.append(' ');
      } else {
        inner.append(c == '|' && inTable ? "\\|" : String.valueOf(c));
      }
    }
    String fence = "`".repeat(longest + 1);
    String pad = longest > 0 && (text.startsWith("`") || text.endsWith("`")) ? " " : "";
    return fence + pad + inner + pad + fence;
  }
}
