package io.codextestgen.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.codextestgen.api.ApiModel;
import io.codextestgen.api.Operation;
import io.codextestgen.config.LlmSettings;
import io.codextestgen.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Gets the model's proposals per operation from the {@link ModelAnswers} the facade provides, and validates each;
 * an LLM failure never fails generation: the operation is reported and gets no suggested cases.
 */
public final class Refiner {

  /** A proposal that passed validation, with where it came from. */
  public record Accepted(Proposal proposal, String model, String lockKey) {}

  /** What the model's answer gave for one operation, and what was said about it. */
  public record Refinement(List<Accepted> accepted, List<Diagnostic> notes) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LlmSettings settings;
  private final ModelAnswers answers;
  private final PromptBuilder prompts;
  private final ProposalValidator validator;
  private final String specFile;

  public Refiner(ApiModel model, LlmSettings settings, ModelAnswers answers) {
    this.settings = settings;
    this.answers = answers;
    this.prompts = new PromptBuilder(model);
    this.validator = new ProposalValidator(model);
    this.specFile = model.specFileName();
  }

  /**
   * Proposals for {@code operation}. {@code alreadyTested} describes the planned cases to the model;
   * {@code plannedCases} ("location target value" of each planned row) lets exact repeats be dropped.
   */
  public Refinement refine(Operation operation, JsonNode validBody, List<String> alreadyTested,
      Set<String> plannedCases) {
    List<Diagnostic> notes = new ArrayList<>();
    List<String> families = settings.families().stream().map(io.codextestgen.config.Family::tag).sorted()
        .toList();
    String user = prompts.user(operation, alreadyTested, families);
    String key = key(user);
    ModelAnswers.Recorded entry;
    try {
      entry = answers.answer(key, operation.operationId(), user);
    } catch (ChatClient.LlmException e) {
      notes.add(note(operation, "no suggestions: " + e.getMessage()));
      return new Refinement(List.of(), notes);
    }
    List<Proposal> proposals;
    try {
      proposals = List.of(JSON.treeToValue(JSON.readTree(entry.content()).path("proposals"), Proposal[].class));
    } catch (IOException | IllegalArgumentException e) {
      notes.add(note(operation, "no suggestions: the answer does not follow the proposal schema"));
      return new Refinement(List.of(), notes);
    }
    List<Accepted> accepted = new ArrayList<>();
    Set<String> seen = new HashSet<>(plannedCases);
    for (Proposal proposal : proposals) {
      var reason = validator.rejects(proposal, operation, validBody, settings.families());
      if (reason.isEmpty() && !seen.add(identity(proposal.location(), proposal.target(), proposal.value()))) {
        reason = java.util.Optional.of("a duplicate of a case already planned");
      }
      if (reason.isPresent()) {
        notes.add(note(operation, "LLM proposal rejected (" + proposal.family() + " " + proposal.location() + " "
            + proposal.target() + "): " + reason.get()));
      } else {
        accepted.add(new Accepted(proposal, entry.model(), key));
      }
    }
    return new Refinement(accepted, notes);
  }

  /** How a case is compared for duplicates: where it goes and the JSON it sends (compact). */
  public static String identity(String location, String target, String jsonValue) {
    String value = jsonValue;
    try {
      value = JSON.readTree(jsonValue).toString();
    } catch (IOException | RuntimeException e) {
      // not JSON (a parameter's plain text): compared as is
    }
    return location + " " + target + " " + value;
  }

  private Diagnostic note(Operation operation, String message) {
    return Diagnostic.warning(specFile, operation.pointer(), message);
  }

  private String key(String user) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(settings.model(), PromptBuilder.VERSION, PromptBuilder.SYSTEM, user,
          ProposalSchema.JSON, "temperature=0")) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
