package com.example.bookshop;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A review of a book. */
public record Review(
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) UUID id,
    @NotNull @Min(1) @Max(5) Integer rating,
    @Size(max = 500) String comment,
    @NotNull @Valid Reviewer reviewer) {

  /** Who wrote a review. */
  public record Reviewer(@NotBlank @Size(max = 80) String name, @NotBlank @Email String email) {}

  Review withId(UUID newId) {
    return new Review(newId, rating, comment, reviewer);
  }
}
