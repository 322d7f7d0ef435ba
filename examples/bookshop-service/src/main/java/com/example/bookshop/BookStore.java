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

/**
 * In-memory catalogue. A book belongs to the client that created it: others neither see nor change it (book 1, the
 * seed, belongs to nobody and everybody sees it).
 */
@Component
public class BookStore {

  private final Map<Long, Book> books = new ConcurrentSkipListMap<>();
  private final Map<Long, List<Review>> reviews = new ConcurrentHashMap<>();
  private final Map<Long, String> owners = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  public BookStore() {
    add(new Book(null, "978-0134685991", "Effective Java", new BigDecimal("45.50"), Genre.TECH,
        List.of(new Author("Joshua Bloch", null)), List.of("java"), null, null));
  }

  public Book add(Book book) {
    return add(book, null);
  }

  public Book add(Book book, String owner) {
    long id = nextId.getAndIncrement();
    Book stored = book.withIdentity(id, OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
    if (owner != null) {
      owners.put(id, owner);
    }
    books.put(id, stored);
    return stored;
  }

  /** The book, if {@code caller} may see it: its owner's, or the seed. */
  public Optional<Book> find(long id, String caller) {
    String owner = owners.get(id);
    return owner == null || owner.equals(caller) ? Optional.ofNullable(books.get(id)) : Optional.empty();
  }

  public Optional<Book> replace(long id, Book book, String caller) {
    return find(id, caller).map(old -> {
      Book stored = book.withIdentity(id, old.createdAt());
      books.put(id, stored);
      return stored;
    });
  }

  public boolean remove(long id, String caller) {
    if (find(id, caller).isEmpty()) {
      return false;
    }
    reviews.remove(id);
    owners.remove(id);
    return books.remove(id) != null;
  }

  public List<Book> list(Genre genre, String query, int limit, String caller) {
    return books.values().stream()
        .filter(book -> find(book.id(), caller).isPresent())
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
