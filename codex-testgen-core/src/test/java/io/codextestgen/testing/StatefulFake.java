package io.codextestgen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small real HTTP server keeping one collection in memory (create, read, replace, delete), and optionally one
 * singleton resource (read, replace, delete), for flow and semantics tests: what is stored comes back, readOnly
 * properties are the server's, writeOnly ones never come back, and a body whose members have the wrong JSON type
 * (per {@code types}) is refused with 400 and changes nothing. Each {@link Fault} breaks one HTTP rule.
 */

public final class StatefulFake implements AutoCloseable {

  /** One deliberate fault; NONE is the correct server. */
  public enum Fault {
    NONE,
    /** DELETE answers 204 and keeps the resource. */
    DELETE_DOES_NOT_DELETE,
    /** A read answers other data than was stored. */
    READ_BACK_RETURNS_OTHER_DATA,
    /** readOnly members take the client's values. */
    READ_ONLY_TAKEN_FROM_REQUEST,
    /** A create's Location names a resource that does not exist. */
    LOCATION_TO_NOWHERE,
    /** PUT merges into the stored state: members it leaves out stay. */
    PUT_MERGES,
    /** A PUT of the state already stored appends its arrays again (not idempotent). */
    PUT_ACCUMULATES,
    /** A write refused with 400 is stored all the same. */
    REJECTED_WRITE_APPLIES,
    /** A create or a singleton's PUT answers a status the spec does not document, with a body that breaks it. */
    UNDOCUMENTED_STATUS_INVALID_BODY,
    /** PATCH replaces the whole state with the patch, instead of changing what it names. */
    PATCH_REPLACES_ALL,
    /** With OAuth2 on: a token without the scope an operation needs is let through. */
    SCOPES_IGNORED,
    /** With OAuth2 on: a client reads another client's resource (broken object-level authorization). */
    OTHERS_READ,
    /** With OAuth2 on: a client replaces and deletes another client's resource. */
    OTHERS_WRITE
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String collection;
  private final String singleton;
  private final List<String> readOnly;
  private final List<String> writeOnly;
  private final Map<String, String> types;
  private final Map<Long, ObjectNode> store = new ConcurrentHashMap<>();
  private final AtomicReference<ObjectNode> single = new AtomicReference<>();
  private final AtomicLong ids = new AtomicLong();
  private final HttpServer server;
  private volatile Fault fault = Fault.NONE;

  /** OAuth2 on: client id -> secret; null when the fake takes no credentials. */
  private volatile Map<String, String> clients;
  private volatile Duration tokenLife;
  private volatile Duration announcedLife;
  private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
  private final Map<Long, String> owners = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger expiredRejected =
      new AtomicInteger();
  /** Each API request as the server read it: method, path and raw query, in the order they came. */
  private final List<String> received = new CopyOnWriteArrayList<>();

  /** A token the fake issued: to which client, with which scopes, valid until when. */
  private record Issued(String client, Set<String> scopes, Instant expires) {}

  /** The scopes the OAuth2 mode knows: GET needs the first, the other methods the second. */
  private static final List<String> SCOPES = List.of("books:read", "books:write");

  public StatefulFake(String collection, List<String> readOnly, List<String> writeOnly) throws IOException {
    this(collection, null, readOnly, writeOnly, Map.of());
  }

  /**
   * With a singleton at {@code singleton} (null: none), and the JSON type each listed member must have
   * ({@code types}: member name -> "string", "integer" or "array").
   */
  public StatefulFake(String collection, String singleton, List<String> readOnly, List<String> writeOnly,
      Map<String, String> types) throws IOException {
    this.collection = collection;
    this.singleton = singleton;
    this.readOnly = List.copyOf(readOnly);
    this.writeOnly = List.copyOf(writeOnly);
    this.types = Map.copyOf(types);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void fault(Fault newFault) {
    fault = newFault;
  }

  /**
   * Turns on OAuth2, as a resource server with its own token endpoint ({@code POST /oauth/token}, client
   * credentials, client authentication by HTTP Basic): tokens live {@code life} but are announced to live
   * {@code announced} (a server whose tokens expire early), GET needs {@code books:read} and the other methods
   * {@code books:write}, and a resource belongs to the client that created it: others get 404 for it.
   */
  public StatefulFake oauth(Map<String, String> clientSecrets, Duration life,
      Duration announced) {
    this.tokenLife = life;
    this.announcedLife = announced;
    this.clients = Map.copyOf(clientSecrets);
    return this;
  }

  /** Users of the password grant: name -> password. A token issued to a user names the user as its owner. */
  private volatile Map<String, String> users = Map.of();

  public StatefulFake users(Map<String, String> passwords) {
    this.users = Map.copyOf(passwords);
    return this;
  }

  /** How many tokens the token endpoint issued. */
  public int tokensIssued() {
    return issued.get();
  }

  /** How many requests came with a token the fake issued but that had expired. */
  public int expiredTokensRejected() {
    return expiredRejected.get();
  }

  /** The API requests received (not the token endpoint's), as {@code GET /books/1?q=a}. */
  public List<String> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      String client = null;
      if (clients == null || !path.equals("/oauth/token") && !path.equals("/.well-known/openid-configuration")) {
        String query = exchange.getRequestURI().getRawQuery();
        received.add(method + " " + exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query));
      }
      if (clients != null) {
        if (path.equals("/oauth/token")) {
          token(exchange);
          return;
        }
        if (path.equals("/.well-known/openid-configuration")) {
          String base = "http://127.0.0.1:" + port();
          send(exchange, 200, JSON.createObjectNode().put("issuer", base).put("token_endpoint", base + "/oauth/token"));
          return;
        }
        Issued token = bearer(exchange);
        if (token == null) {
          send(exchange, 401, null);
          return;
        }
        String scope = method.equals("GET") ? SCOPES.get(0) : SCOPES.get(1);
        if (!token.scopes().contains(scope) && fault != Fault.SCOPES_IGNORED) {
          send(exchange, 403, null);
          return;
        }
        client = token.client();
        if (path.startsWith(collection + "/") && !owns(client, path, method)) {
          send(exchange, 404, null);
          return;
        }
      }
      if (path.equals(singleton)) {
        singleton(exchange, method);
        return;
      }
      if (path.equals(collection) && method.equals("POST")) {
        ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody());
        if (!wellTyped(body)) {
          send(exchange, 400, null);
          return;
        }
        long id = ids.incrementAndGet();
        if (client != null) {
          owners.put(id, client);
        }
        ObjectNode stored = serverSide(body, null);
        stored.put("id", id);
        store.put(id, stored);
        exchange.getResponseHeaders().add("Location", collection + "/"
            + (fault == Fault.LOCATION_TO_NOWHERE ? 999_999 : id));
        if (fault == Fault.UNDOCUMENTED_STATUS_INVALID_BODY) {
          send(exchange, 200, visible(stored).put("title", 12345));
          return;
        }
        send(exchange, 201, visible(stored));
        return;
      }
      if (!path.startsWith(collection + "/")) {
        send(exchange, 404, null);
        return;
      }
      long id = Long.parseLong(path.substring(collection.length() + 1));
      ObjectNode stored = store.get(id);
      switch (method) {
        case "GET" -> {
          if (stored == null) {
            send(exchange, 404, null);
          } else {
            ObjectNode answer = visible(stored);
            if (fault == Fault.READ_BACK_RETURNS_OTHER_DATA) {
              answer.put("title", "not what you sent");
            }
            send(exchange, 200, answer);
          }
        }
        case "PUT" -> {
          if (stored == null) {
            send(exchange, 404, null);
          } else {
            ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody());
            ObjectNode replaced = put(body, stored);
            if (replaced == null) {
              send(exchange, 400, null);
              return;
            }
            replaced.put("id", id);
            store.put(id, replaced);
            send(exchange, 200, visible(replaced));
          }
        }
        case "DELETE" -> {
          if (stored == null) {
            send(exchange, 404, null);
          } else {
            if (fault != Fault.DELETE_DOES_NOT_DELETE) {
              store.remove(id);
            }
            send(exchange, 204, null);
          }
        }
        case "PATCH" -> {
          ObjectNode patched = stored == null ? null : patch(JSON.readTree(exchange.getRequestBody()), stored);
          if (patched == null) {
            send(exchange, stored == null ? 404 : 400, null);
          } else {
            patched.put("id", id);
            store.put(id, patched);
            send(exchange, 200, visible(patched));
          }
        }
        default -> send(exchange, 405, null);
      }
    } catch (RuntimeException e) {
      send(exchange, 500, null);
    }
  }

  /** Whether {@code client} may send {@code method} to the item at {@code path} (an unknown one: yes, it is a 404). */
  private boolean owns(String client, String path, String method) {
    String owner;
    try {
      owner = owners.get(Long.parseLong(path.substring(collection.length() + 1)));
    } catch (NumberFormatException e) {
      return true;
    }
    if (owner == null || owner.equals(client)) {
      return true;
    }
    return method.equals("GET") ? fault == Fault.OTHERS_READ : fault == Fault.OTHERS_WRITE;
  }

  /** The valid token the request carries, or null (none, unknown, or expired: counted). */
  private Issued bearer(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    Issued token = tokens.get(authorization.substring("Bearer ".length()));
    if (token != null && !Instant.now().isBefore(token.expires())) {
      expiredRejected.incrementAndGet();
      return null;
    }
    return token;
  }

  /**
   * RFC 6749 4.4 and 4.3: the client-credentials grant, and the password grant for the users given; the client
   * authenticated by HTTP Basic.
   */
  private void token(HttpExchange exchange) throws IOException {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    String client = null;
    if (authorization != null && authorization.startsWith("Basic ")) {
      String pair = new String(Base64.getDecoder().decode(authorization.substring(6)),
          StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      String id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
      String secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
      client = secret.equals(clients.get(id)) ? id : null;
    }
    if (client == null) {
      send(exchange, 401, JSON.createObjectNode().put("error", "invalid_client"));
      return;
    }
    Map<String, String> form = new HashMap<>();
    for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
        .split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1),
            StandardCharsets.UTF_8));
      }
    }
    String grant = form.get("grant_type");
    if ("password".equals(grant)) {
      String user = form.get("username");
      if (user == null || !Objects.equals(users.get(user), form.get("password"))) {
        send(exchange, 400, JSON.createObjectNode().put("error", "invalid_grant"));
        return;
      }
      client = user;
    } else if (!"client_credentials".equals(grant)) {
      send(exchange, 400, JSON.createObjectNode().put("error", "unsupported_grant_type"));
      return;
    }
    Set<String> scopes = new TreeSet<>(form.containsKey("scope")
        ? List.of(form.get("scope").trim().split("\\s+")) : SCOPES);
    if (!SCOPES.containsAll(scopes)) {
      send(exchange, 400, JSON.createObjectNode().put("error", "invalid_scope"));
      return;
    }
    String value = UUID.randomUUID().toString();
    tokens.put(value, new Issued(client, scopes, Instant.now().plus(tokenLife)));
    issued.incrementAndGet();
    send(exchange, 200, JSON.createObjectNode().put("access_token", value).put("token_type", "Bearer")
        .put("expires_in", announcedLife.toSeconds()).put("scope", String.join(" ", scopes)));
  }

  private void singleton(HttpExchange exchange, String method) throws IOException {
    ObjectNode stored = single.get();
    switch (method) {
      case "GET" -> send(exchange, stored == null ? 404 : 200, stored == null ? null : visible(stored));
      case "PUT" -> {
        ObjectNode replaced = put((ObjectNode) JSON.readTree(exchange.getRequestBody()), stored);
        if (replaced == null) {
          send(exchange, 400, null);
          return;
        }
        single.set(replaced);
        if (fault == Fault.UNDOCUMENTED_STATUS_INVALID_BODY) {
          send(exchange, 202, visible(replaced).put("currency", 12345));
          return;
        }
        send(exchange, 200, visible(replaced));
      }
      case "DELETE" -> {
        if (fault != Fault.DELETE_DOES_NOT_DELETE) {
          single.set(null);
        }
        send(exchange, 204, null);
      }
      case "PATCH" -> {
        ObjectNode patched = stored == null ? null : patch(JSON.readTree(exchange.getRequestBody()), stored);
        if (patched == null) {
          send(exchange, stored == null ? 404 : 400, null);
          return;
        }
        single.set(patched);
        send(exchange, 200, visible(patched));
      }
      default -> send(exchange, 405, null);
    }
  }

  /**
   * {@code stored} after a merge patch (an object: RFC 7396, null removes) or a JSON patch (an array of add, replace
   * and remove operations on top-level members: RFC 6902); null when the result is refused.
   */
  private ObjectNode patch(JsonNode document, ObjectNode stored) {
    ObjectNode result = fault == Fault.PATCH_REPLACES_ALL ? JSON.createObjectNode() : stored.deepCopy();
    if (document.isObject()) {
      document.fields().forEachRemaining(member -> {
        if (member.getValue().isNull()) {
          result.remove(member.getKey());
        } else {
          result.set(member.getKey(), member.getValue());
        }
      });
    } else {
      for (JsonNode operation : document) {
        String name = operation.path("path").asText().substring(1).replace("~1", "/").replace("~0", "~");
        switch (operation.path("op").asText()) {
          case "add", "replace" -> result.set(name, operation.get("value"));
          case "remove" -> result.remove(name);
          default -> {
            return null;
          }
        }
      }
    }
    readOnly.forEach(property -> {
      if (stored.has(property)) {
        result.set(property, stored.get(property));
      }
    });
    return wellTyped(result) ? result : null;
  }

  /** The state after a PUT of {@code body} onto {@code stored} (null: none yet); null when the body is refused. */
  private ObjectNode put(ObjectNode body, ObjectNode stored) {
    if (!wellTyped(body)) {
      if (fault == Fault.REJECTED_WRITE_APPLIES && stored != null) {
        body.fields().forEachRemaining(member -> stored.set(member.getKey(), member.getValue()));
      }
      return null;
    }
    ObjectNode replaced = serverSide(body, stored);
    if (stored != null && fault == Fault.PUT_MERGES) {
      ObjectNode merged = stored.deepCopy();
      replaced.fields().forEachRemaining(member -> merged.set(member.getKey(), member.getValue()));
      return merged;
    }
    if (stored != null && fault == Fault.PUT_ACCUMULATES && sameMembers(replaced, stored)) {
      ObjectNode again = stored.deepCopy();
      replaced.fields().forEachRemaining(member -> {
        if (member.getValue() instanceof ArrayNode items) {
          ((ArrayNode) again.get(member.getKey())).addAll(items);
        }
      });
      return again;
    }
    return replaced;
  }

  private boolean sameMembers(ObjectNode sent, ObjectNode stored) {
    ObjectNode a = sent.deepCopy();
    ObjectNode b = stored.deepCopy();
    readOnly.forEach(a::remove);
    readOnly.forEach(b::remove);
    b.remove("id");
    return a.equals(b);
  }

  private boolean wellTyped(ObjectNode body) {
    for (Map.Entry<String, String> type : types.entrySet()) {
      JsonNode value = body.get(type.getKey());
      if (value != null && !switch (type.getValue()) {
        case "integer" -> value.isIntegralNumber();
        case "array" -> value.isArray();
        default -> value.isTextual();
      }) {
        return false;
      }
    }
    return true;
  }

  /** The stored form of a client's body: readOnly properties are the server's (unless the fault says otherwise). */
  private ObjectNode serverSide(ObjectNode body, ObjectNode previous) {
    ObjectNode stored = body.deepCopy();
    for (String property : readOnly) {
      if (fault == Fault.READ_ONLY_TAKEN_FROM_REQUEST && body.has(property)) {
        continue;
      }
      stored.remove(property);
      if (property.equals("createdAt") || property.equals("updatedAt")) {
        stored.put(property, previous != null && previous.has(property) ? previous.get(property).asText()
            : "2026-01-01T00:00:00Z");
      }
    }
    return stored;
  }

  private ObjectNode visible(ObjectNode stored) {
    ObjectNode answer = stored.deepCopy();
    writeOnly.forEach(answer::remove);
    return answer;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
