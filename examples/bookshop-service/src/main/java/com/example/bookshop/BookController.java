package com.example.bookshop;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The books and reviews endpoints of openapi.yaml. Validation errors become problem+json 400s. The caller is the
 * token's subject (the OAuth2 client): a book is only its creator's, others get 404 for it.
 */
@RestController
@RequestMapping("/books")
public class BookController {

  private final BookStore store;

  public BookController(BookStore store) {
    this.store = store;
  }

  @GetMapping
  public List<Book> listBooks(
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) Genre genre,
      @RequestParam(required = false) @Size(min = 2, max = 50) String q, Principal caller) {
    return store.list(genre, q, limit, caller.getName());
  }

  @PostMapping
  public ResponseEntity<Book> createBook(@Valid @RequestBody Book book, Principal caller) {
    Book created = store.add(book, caller.getName());
    return ResponseEntity.created(URI.create("/books/" + created.id())).body(created);
  }

  @GetMapping("/{bookId}")
  public Book getBook(@PathVariable @Min(1) long bookId, Principal caller) {
    return store.find(bookId, caller.getName()).orElseThrow(() -> notFound(bookId));
  }

  @PutMapping("/{bookId}")
  public Book replaceBook(@PathVariable @Min(1) long bookId, @Valid @RequestBody Book book, Principal caller) {
    return store.replace(bookId, book, caller.getName()).orElseThrow(() -> notFound(bookId));
  }

  @DeleteMapping("/{bookId}")
  public ResponseEntity<Void> deleteBook(@PathVariable @Min(1) long bookId, Principal caller) {
    if (!store.remove(bookId, caller.getName())) {
      throw notFound(bookId);
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{bookId}/reviews")
  public List<Review> listReviews(@PathVariable @Min(1) long bookId,
      @RequestParam(required = false) @Min(1) @Max(5) Integer minRating, Principal caller) {
    getBook(bookId, caller);
    return store.reviews(bookId, minRating);
  }

  @PostMapping("/{bookId}/reviews")
  public ResponseEntity<Review> addReview(@PathVariable @Min(1) long bookId, @Valid @RequestBody Review review,
      Principal caller) {
    getBook(bookId, caller);
    return ResponseEntity.status(HttpStatus.CREATED).body(store.addReview(bookId, review));
  }

  private static ErrorResponseException notFound(long bookId) {
    ErrorResponseException error = new ErrorResponseException(HttpStatus.NOT_FOUND);
    error.getBody().setDetail("no book " + bookId);
    return error;
  }
}
