package com.example.bookshop;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.validator.constraints.UniqueElements;

/** A book; {@code id} and {@code createdAt} are set by the server and ignored in requests. */
public record Book(
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Long id,
    @NotNull @Pattern(regexp = "^97[89]-[0-9]{10}$") String isbn,
    @NotNull @Size(min = 1, max = 200) String title,
    @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000") @Digits(integer = 5, fraction = 2)
        BigDecimal price,
    @NotNull Genre genre,
    @NotNull @NotEmpty @Size(max = 10) List<@Valid @NotNull Author> authors,
    @Size(max = 5) @UniqueElements List<@NotNull @Size(min = 1, max = 30) String> keywords,
    OffsetDateTime published,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) OffsetDateTime createdAt) {

  Book withIdentity(long newId, OffsetDateTime created) {
    return new Book(newId, isbn, title, price, genre, authors, keywords, published, created);
  }
}
