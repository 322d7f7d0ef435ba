package com.example.bookshop.tokenproof;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.example.bookshop.apitests.ApiTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * This repository's proof, not part of the generated suite: the generated support fetches a new token from the
 * service's authorization server before the old one expires, and the new one is accepted. The service's tokens live
 * {@code bookshop.tokenTtlSeconds}; the support fetches again when a quarter of that is left.
 */
class TokenRefreshIT {

  @Test
  void aTokenIsReplacedBeforeItExpiresAndTheNewOneWorks() throws InterruptedException {
    long pastRenewal = Duration.ofSeconds(Long.getLong("bookshop.tokenTtlSeconds", 10)).multipliedBy(3)
        .dividedBy(4).plusMillis(500).toMillis();
    // whatever token the other tests left is past its renewal time after this: the next one is fresh
    Thread.sleep(pastRenewal);
    String first = ApiTestSupport.oauthCredential();
    assertEquals(200, listBooks(first));

    Thread.sleep(pastRenewal);
    String second = ApiTestSupport.oauthCredential();

    assertNotEquals(first, second, "a new token is fetched before the old one expires");
    assertEquals(200, listBooks(second));
  }

  private static int listBooks(String token) {
    return given().baseUri(ApiTestSupport.baseUri())
        .header("Authorization", "Bearer " + token)
        .get("/books")
        .statusCode();
  }
}
