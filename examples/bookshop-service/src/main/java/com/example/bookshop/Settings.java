package com.example.bookshop;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** The shop's settings, one resource for the whole shop; {@code updatedAt} is set by the server. */
public record Settings(
    @NotNull @Pattern(regexp = "^(EUR|USD|GBP)$") String currency,
    @Min(1) @Max(100) Integer pageSize,
    @Size(max = 80) String motto,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) OffsetDateTime updatedAt) {

  /** The settings a PUT of {@code sent} leaves: what was sent, the default page size when it was left out. */
  static Settings replacing(Settings sent, OffsetDateTime now) {
    return new Settings(sent.currency(), sent.pageSize() == null ? 20 : sent.pageSize(), sent.motto(), now);
  }
}
