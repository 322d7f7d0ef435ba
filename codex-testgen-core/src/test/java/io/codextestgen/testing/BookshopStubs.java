package io.codextestgen.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/** A WireMock server answering the bookshop yardstick spec as a correct implementation would. */
public final class BookshopStubs {

  public static final String BOOK = """
      {"id": 7, "isbn": "978-0134685991", "title": "Effective Java", "price": 45.5, "genre": "tech",
       "authors": [{"name": "Joshua Bloch"}], "createdAt": "2024-01-01T10:00:00Z"}""";
  public static final String ORDER = """
      {"id": "ORD-000001", "bookId": 7, "quantity": 1, "email": "reader@example.com"}""";
  public static final String JSON = "application/json";

  private BookshopStubs() {}

  public static void stubCorrectServer(WireMockServer server) {
    server.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"title\": \"Not Found\", \"status\": 404}")));
    server.stubFor(get(urlPathEqualTo("/health")).willReturn(json(200, "{\"status\": \"ok\"}")));
    server.stubFor(get(urlPathEqualTo("/books")).willReturn(json(200, "[" + BOOK + "]")
        .withHeader("RateLimit-Limit", "100").withHeader("RateLimit-Remaining", "99")));
    server.stubFor(post(urlPathEqualTo("/books")).willReturn(json(201, BOOK)
        .withHeader("Location", "http://127.0.0.1/books/7")));
    server.stubFor(get(urlPathMatching("/books/[0-9]+")).willReturn(json(200, BOOK)));
    server.stubFor(put(urlPathMatching("/books/[0-9]+")).willReturn(json(200, BOOK)));
    server.stubFor(post(urlPathEqualTo("/orders")).willReturn(json(201, ORDER)));
    server.stubFor(get(urlPathMatching("/orders/ORD-[0-9]{6}/receipt")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/pdf").withBody("%PDF-1.4 receipt")));
  }

  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body);
  }
}
