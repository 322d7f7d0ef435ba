package com.example.bookshop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An author of a book; {@code born} is nullable in the spec. */
public record Author(@NotBlank @Size(max = 80) String name, LocalDate born) {}
