package com.example.bookshop;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The service is its own OAuth2 authorization server (Spring Authorization Server: {@code POST /oauth2/token},
 * client credentials, the clients and their token lifetime in {@code spring.security.oauth2.authorizationserver.*})
 * and a resource server for /books: GET needs scope {@code books:read}, the other methods {@code books:write}. Tokens
 * are JWTs signed with a key made at start; an expired one is refused at once (no clock skew allowed). /settings keeps
 * its API key ({@link ApiKeyFilter}), /health is public.
 */
@Configuration
public class SecurityConfig {

  /** No default secrets: an empty one would let anyone in as that client. */
  public SecurityConfig(@Value("${bookshop.client-a-secret}") String clientA,
      @Value("${bookshop.client-b-secret}") String clientB) {
    if (clientA.isBlank() || clientB.isBlank()) {
      throw new IllegalStateException("set bookshop.client-a-secret and bookshop.client-b-secret (e.g."
          + " --bookshop.client-a-secret=... or BOOKSHOP_CLIENT_A_SECRET)");
    }
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(server, Customizer.withDefaults())
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain books(HttpSecurity http) throws Exception {
    http.securityMatcher("/books", "/books/**")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/books", "/books/**").hasAuthority("SCOPE_books:read")
            .anyRequest().hasAuthority("SCOPE_books:write"))
        .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
            .authenticationEntryPoint((request, response, e) -> {
              response.setHeader("WWW-Authenticate", "Bearer");
              Problems.write(response, 401, "Unauthorized", "a valid bearer token is required");
            })
            .accessDeniedHandler((request, response, e) -> {
              response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
              Problems.write(response, 403, "Forbidden", "the token lacks the scope this operation needs");
            }))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** Everything else: /settings checks its API key in {@link ApiKeyFilter}, /health is public. */
  @Bean
  @Order(3)
  SecurityFilterChain others(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** One log line per token issued (never the token): the build's log shows the suite fetching new ones. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> tokenLog() {
    Logger log = LoggerFactory.getLogger("bookshop.tokens");
    AtomicInteger issued = new AtomicInteger();
    return context -> log.info("token {} issued to {}, scopes {}", issued.incrementAndGet(),
        context.getRegisteredClient().getClientId(), context.getAuthorizedScopes());
  }

  /** The authorization server's own keys; a token is valid until its exp, not a minute longer. */
  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
    NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    decoder.setJwtValidator(new JwtTimestampValidator(Duration.ZERO));
    return decoder;
  }
}
