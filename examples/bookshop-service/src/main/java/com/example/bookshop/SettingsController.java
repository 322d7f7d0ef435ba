package com.example.bookshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's settings: a singleton resource, read with GET, replaced whole with PUT, changed member by member with
 * a JSON merge patch (RFC 7396).
 */
@RestController
public class SettingsController {

  private final ObjectMapper json;
  private final Validator validator;

  public SettingsController(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  private final AtomicReference<Settings> settings = new AtomicReference<>(
      new Settings("EUR", 20, null, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));

  @GetMapping("/settings")
  public Settings getSettings() {
    return settings.get();
  }

  /** PUT replaces the settings: a member left out takes its default (none for the motto), it is not kept. */
  @PutMapping("/settings")
  public Settings replaceSettings(@Valid @RequestBody Settings sent) {
    return settings.updateAndGet(previous -> Settings.replacing(sent,
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
  }

  /** A merge patch: the members it names take its values (null removes one), the others stay. */
  @PatchMapping(path = "/settings", consumes = "application/merge-patch+json")
  public Settings patchSettings(@RequestBody JsonNode patch) {
    if (!patch.isObject()) {
      throw badRequest("a merge patch of the settings is a JSON object");
    }
    return settings.updateAndGet(previous -> {
      ObjectNode merged = json.valueToTree(previous);
      patch.properties().forEach(member -> {
        if (member.getValue().isNull()) {
          merged.remove(member.getKey());
        } else {
          merged.set(member.getKey(), member.getValue());
        }
      });
      Settings patched;
      try {
        patched = json.treeToValue(merged, Settings.class);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw badRequest("the patched settings are not valid: " + e.getOriginalMessage());
      }
      var violations = validator.validate(patched);
      if (!violations.isEmpty()) {
        throw badRequest("the patched settings are not valid: " + violations.stream()
            .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
      }
      return new Settings(patched.currency(), patched.pageSize(), patched.motto(),
          OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    });
  }

  private static ErrorResponseException badRequest(String detail) {
    ErrorResponseException error = new ErrorResponseException(HttpStatus.BAD_REQUEST);
    error.getBody().setDetail(detail);
    return error;
  }
}
