package com.example.bookshop;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** In-memory catalogue, seeded with book 1 so that read and update requests have something to find. */
@Component
public class BookStore {

  private final Map<Long, Book> books = new ConcurrentSkipListMap<>();
  private final Map<Long, List<Review>> reviews = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  public BookStore() {
    add(new Book(null, "978-0134685991", "Effective Java", new BigDecimal("45.50"), Genre.TECH,
        List.of(new Author("Joshua Bloch", null)), List.of("java"), null, null));
  }

  public Book add(Book book) {
    long id = nextId.getAndIncrement();
    Book stored = book.withIdentity(id, OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
    books.put(id, stored);
    return stored;
  }

  public Optional<Book> find(long id) {
    return Optional.ofNullable(books.get(id));
  }

  public Optional<Book> replace(long id, Book book) {
    return find(id).map(old -> {
      Book stored = book.withIdentity(id, old.createdAt());
      books.put(id, stored);
      return stored;
    });
  }

  public boolean remove(long id) {
    reviews.remove(id);
    return books.remove(id) != null;
  }

  public List<Book> list(Genre genre, String query, int limit) {
    return books.values().stream()
        .filter(book -> genre == null || book.genre() == genre)
        .filter(book -> query == null || book.title().toLowerCase().contains(query.toLowerCase()))
        .limit(limit)
        .toList();
  }

  public Review addReview(long bookId, Review review) {
    Review stored = review.withId(UUID.randomUUID());
    reviews.computeIfAbsent(bookId, id -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(stored);
    return stored;
  }

  public List<Review> reviews(long bookId, Integer minRating) {
    List<Review> result = new ArrayList<>();
    for (Review review : reviews.getOrDefault(bookId, List.of())) {
      if (minRating == null || review.rating() >= minRating) {
        result.add(review);
      }
    }
    return result;
  }
}
