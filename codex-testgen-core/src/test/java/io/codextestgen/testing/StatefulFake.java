package io.codextestgen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small real HTTP server keeping one collection in memory (create, read, replace, delete), for flow tests: what
 * is stored comes back, readOnly properties are the server's, writeOnly ones never come back. Faults make it
 * forget to delete, answer with other data, or take readOnly properties from the client.
 */
public final class StatefulFake implements AutoCloseable {

  /** One deliberate fault; NONE is the correct server. */
  public enum Fault {
    NONE, DELETE_DOES_NOT_DELETE, READ_BACK_RETURNS_OTHER_DATA, READ_ONLY_TAKEN_FROM_REQUEST
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String collection;
  private final List<String> readOnly;
  private final List<String> writeOnly;
  private final Map<Long, ObjectNode> store = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final HttpServer server;
  private volatile Fault fault = Fault.NONE;

  public StatefulFake(String collection, List<String> readOnly, List<String> writeOnly) throws IOException {
    this.collection = collection;
    this.readOnly = List.copyOf(readOnly);
    this.writeOnly = List.copyOf(writeOnly);
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

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals(collection) && method.equals("POST")) {
        ObjectNode body = (ObjectNode) JSON.readTree(exchange.getRequestBody());
        long id = ids.incrementAndGet();
        ObjectNode stored = serverSide(body, null);
        stored.put("id", id);
        store.put(id, stored);
        exchange.getResponseHeaders().add("Location", collection + "/" + id);
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
            ObjectNode replaced = serverSide((ObjectNode) JSON.readTree(exchange.getRequestBody()), stored);
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
        default -> send(exchange, 405, null);
      }
    } catch (RuntimeException e) {
      send(exchange, 500, null);
    }
  }

  /** The stored form of a client's body: readOnly properties are the server's (unless the fault says otherwise). */
  private ObjectNode serverSide(ObjectNode body, ObjectNode previous) {
    ObjectNode stored = body.deepCopy();
    for (String property : readOnly) {
      if (fault == Fault.READ_ONLY_TAKEN_FROM_REQUEST && body.has(property)) {
        continue;
      }
      stored.remove(property);
      if (property.equals("createdAt")) {
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
