package com.example.bookshop;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An author of a book; {@code born} is nullable in the spec. */
public record Author(@NotBlank @Size(max = 80) String name, @JsonSetter(nulls = Nulls.SET) LocalDate born) {}
