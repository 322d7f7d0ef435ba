package io.codextestgen.api;

import io.codextestgen.spec.LoadedSpec;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme.In;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns swagger-parser's model into {@link ApiModel}: references followed, defaults applied, order fixed. */
public final class ApiModelReader {

  private static final String PARAMETERS_PREFIX = "#/components/parameters/";
  private static final String BODIES_PREFIX = "#/components/requestBodies/";
  private static final String RESPONSES_PREFIX = "#/components/responses/";
  private static final String HEADERS_PREFIX = "#/components/headers/";
  private static final String EXAMPLES_PREFIX = "#/components/examples/";

  private final OpenAPI openApi;
  private final Components components;
  private final SchemaReader schemaReader = new SchemaReader();

  private ApiModelReader(OpenAPI openApi) {
    this.openApi = openApi;
    this.components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
  }

  public static ApiModel read(LoadedSpec spec) {
    return new ApiModelReader(spec.openApi()).readModel(spec);
  }

  private ApiModel readModel(LoadedSpec spec) {
    // Reading only looks at swagger-parser's objects and builds new ones: schemas and paths are read in parallel.
    Map<String, SchemaNode> schemas = new TreeMap<>();
    if (components.getSchemas() != null) {
      schemas.putAll(components.getSchemas().entrySet().parallelStream().collect(java.util.stream.Collectors.toMap(
          Map.Entry::getKey,
          entry -> schemaReader.read(entry.getValue(), "#/components/schemas/" + Pointers.escape(entry.getKey())))));
    }
    List<String> servers = new ArrayList<>();
    if (openApi.getServers() != null) {
      for (Server server : openApi.getServers()) {
        if (server.getUrl() != null) {
          servers.add(withVariableDefaults(server));
        }
      }
    }
    List<Operation> operations = readOperations();
    readPointedSchemas(schemas);
    String title = openApi.getInfo() == null || openApi.getInfo().getTitle() == null
        ? "API" : openApi.getInfo().getTitle();
    return new ApiModel(title, spec.fileName(), servers, operations, schemas,
        readSecuritySchemes());
  }

  /**
   * The server's URL with each {@code {variable}} replaced by the default the spec gives it (OpenAPI requires one);
   * a variable without a declaration or a default stays as written.
   */
  private static String withVariableDefaults(Server server) {
    String url = server.getUrl();
    if (server.getVariables() == null || url.indexOf('{') < 0) {
      return url;
    }
    StringBuilder out = new StringBuilder(url.length());
    int at = 0;
    while (at < url.length()) {
      int open = url.indexOf('{', at);
      int close = open < 0 ? -1 : url.indexOf('}', open + 1);
      if (close < 0) {
        break;
      }
      ServerVariable variable = server.getVariables().get(url.substring(open + 1, close));
      out.append(url, at, open).append(variable == null || variable.getDefault() == null
          ? url.substring(open, close + 1) : variable.getDefault());
      at = close + 1;
    }
    return out.append(url.substring(at)).toString();
  }

  /**
   * Schemas referenced by their place in the document rather than by component name, and those their own
   * references lead to; a reference that ends at no schema stays unresolved (any value then).
   */
  private void readPointedSchemas(Map<String, SchemaNode> schemas) {
    java.util.Set<String> done = new java.util.HashSet<>();
    while (true) {
      java.util.Set<String> pending = new java.util.TreeSet<>(schemaReader.pointerRefs());
      pending.removeAll(done);
      if (pending.isEmpty()) {
        return;
      }
      for (String ref : pending) {
        done.add(ref);
        Schema<?> target = SchemaPointers.find(openApi, ref);
        if (target != null) {
          schemas.put(ref, schemaReader.read(target, ref));
        }
      }
    }
  }

  private List<Operation> readOperations() {
    List<Operation> operations = new ArrayList<>(new TreeMap<>(openApi.getPaths()).entrySet().parallelStream()
        .filter(entry -> entry.getValue() != null)
        .flatMap(entry -> readPath(entry.getKey(), entry.getValue()).stream())
        .toList());
    operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
    return operations;
  }

  private List<Operation> readPath(String path, PathItem item) {
    List<Operation> operations = new ArrayList<>();
    Map<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> byMethod = item.readOperationsMap();
    for (HttpMethod method : HttpMethod.values()) {
      io.swagger.v3.oas.models.Operation operation = byMethod.get(PathItem.HttpMethod.valueOf(method.name()));
      if (operation != null) {
        operations.add(readOperation(path, method, item, operation));
      }
    }
    return operations;
  }

  private Operation readOperation(String path, HttpMethod method, PathItem item,
      io.swagger.v3.oas.models.Operation operation) {
    String pointer = "#/paths/" + Pointers.escape(path) + "/" + method.name().toLowerCase(Locale.ROOT);
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    readParameters(item.getParameters(), "#/paths/" + Pointers.escape(path) + "/parameters", parameters);
    readParameters(operation.getParameters(), pointer + "/parameters", parameters);
    return new Operation(
        operation.getOperationId(),
        method,
        path,
        operation.getTags() == null ? List.of() : operation.getTags(),
        operation.getSummary(),
        Boolean.TRUE.equals(operation.getDeprecated()),
        new ArrayList<>(parameters.values()),
        readRequestBody(operation.getRequestBody(), pointer + "/requestBody"),
        readResponses(operation.getResponses(), pointer + "/responses"),
        readSecurity(operation.getSecurity() != null ? operation.getSecurity() : openApi.getSecurity()),
        pointer);
  }

  /** Operation-level parameters replace path-level ones of the same name and location. */
  private void readParameters(List<io.swagger.v3.oas.models.parameters.Parameter> source, String pointer,
      Map<String, Parameter> into) {
    if (source == null) {
      return;
    }
    for (int i = 0; i < source.size(); i++) {
      io.swagger.v3.oas.models.parameters.Parameter parameter = source.get(i);
      String at = pointer + "/" + i;
      if (parameter.get$ref() != null) {
        String name = componentName(parameter.get$ref(), PARAMETERS_PREFIX);
        at = PARAMETERS_PREFIX + Pointers.escape(name);
        parameter = components.getParameters() == null ? null : components.getParameters().get(name);
      }
      if (parameter == null || parameter.getName() == null || parameter.getIn() == null) {
        continue;
      }
      ParameterLocation in = ParameterLocation.valueOf(parameter.getIn().toUpperCase(Locale.ROOT));
      SchemaNode schema = parameter.getSchema() != null
          ? schemaReader.read(parameter.getSchema(), at + "/schema")
          : firstSchema(parameter.getContent(), at);
      String style = parameter.getStyle() == null ? defaultStyle(in) : parameter.getStyle().toString();
      boolean explode = parameter.getExplode() == null ? "form".equals(style) : parameter.getExplode();
      Object example = parameter.getExample() != null ? parameter.getExample()
          : firstExample(parameter.getExamples());
      into.put(in + ":" + parameter.getName(), new Parameter(parameter.getName(), in,
          in == ParameterLocation.PATH || Boolean.TRUE.equals(parameter.getRequired()), schema,
          JsonValues.of(example), style, explode, at));
    }
  }

  private static String defaultStyle(ParameterLocation in) {
    return in == ParameterLocation.QUERY || in == ParameterLocation.COOKIE ? "form" : "simple";
  }

  private SchemaNode firstSchema(Content content, String pointer) {
    if (content == null || content.isEmpty()) {
      return SchemaNode.ANY;
    }
    Map.Entry<String, MediaType> first = content.entrySet().iterator().next();
    return first.getValue().getSchema() == null ? SchemaNode.ANY
        : schemaReader.read(first.getValue().getSchema(),
            pointer + "/content/" + Pointers.escape(first.getKey()) + "/schema");
  }

  private Optional<RequestBody> readRequestBody(io.swagger.v3.oas.models.parameters.RequestBody body,
      String pointer) {
    String at = pointer;
    if (body != null && body.get$ref() != null) {
      String name = componentName(body.get$ref(), BODIES_PREFIX);
      at = BODIES_PREFIX + Pointers.escape(name);
      body = components.getRequestBodies() == null ? null : components.getRequestBodies().get(name);
    }
    if (body == null || body.getContent() == null || body.getContent().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RequestBody(Boolean.TRUE.equals(body.getRequired()),
        readContents(body.getContent(), at + "/content"), at));
  }

  private List<ApiResponse> readResponses(ApiResponses responses, String pointer) {
    List<ApiResponse> result = new ArrayList<>();
    if (responses == null) {
      return result;
    }
    new TreeMap<>(responses).forEach((status, response) -> {
      String at = pointer + "/" + Pointers.escape(status);
      if (response.get$ref() != null) {
        String name = componentName(response.get$ref(), RESPONSES_PREFIX);
        at = RESPONSES_PREFIX + Pointers.escape(name);
        response = components.getResponses() == null ? null : components.getResponses().get(name);
      }
      if (response == null) {
        return;
      }
      List<String> headers = new ArrayList<>();
      if (response.getHeaders() != null) {
        response.getHeaders().forEach((name, header) -> {
          if (header != null && (header.get$ref() == null || resolveHeader(header) != null)) {
            headers.add(name);
          }
        });
      }
      List<ApiResponse.Link> links = new ArrayList<>();
      if (response.getLinks() != null) {
        new TreeMap<>(response.getLinks()).forEach((name, link) -> {
          if (link != null && link.getOperationId() != null && link.getParameters() != null) {
            Map<String, String> parameters = new TreeMap<>();
            link.getParameters().forEach((param, expression) -> parameters.put(param, String.valueOf(expression)));
            links.add(new ApiResponse.Link(link.getOperationId(), parameters));
          }
        });
      }
      result.add(new ApiResponse(status.toUpperCase(Locale.ROOT),
          response.getContent() == null ? List.of() : readContents(response.getContent(), at + "/content"),
          headers, links));
    });
    return result;
  }

  private Header resolveHeader(Header header) {
    String name = componentName(header.get$ref(), HEADERS_PREFIX);
    return components.getHeaders() == null ? null : components.getHeaders().get(name);
  }

  private List<MediaContent> readContents(Content content, String pointer) {
    List<MediaContent> result = new ArrayList<>();
    content.forEach((mediaType, media) -> {
      String at = pointer + "/" + Pointers.escape(mediaType);
      SchemaNode schema = media == null || media.getSchema() == null ? null
          : schemaReader.read(media.getSchema(), at + "/schema");
      Object example = media == null ? null
          : media.getExample() != null ? media.getExample() : firstExample(media.getExamples());
      result.add(new MediaContent(mediaType, schema, JsonValues.of(example)));
    });
    return result;
  }

  private Object firstExample(Map<String, io.swagger.v3.oas.models.examples.Example> examples) {
    if (examples == null || examples.isEmpty()) {
      return null;
    }
    io.swagger.v3.oas.models.examples.Example example = examples.values().iterator().next();
    if (example != null && example.get$ref() != null && components.getExamples() != null) {
      example = components.getExamples().get(componentName(example.get$ref(), EXAMPLES_PREFIX));
    }
    return example == null ? null : example.getValue();
  }

  private static List<SecurityRequirement> readSecurity(
      List<io.swagger.v3.oas.models.security.SecurityRequirement> requirements) {
    List<SecurityRequirement> result = new ArrayList<>();
    if (requirements == null) {
      return result;
    }
    for (io.swagger.v3.oas.models.security.SecurityRequirement requirement : requirements) {
      Map<String, List<String>> scopes = new TreeMap<>();
      requirement.forEach((scheme, names) -> scopes.put(scheme, names == null ? List.of()
          : names.stream().filter(java.util.Objects::nonNull).toList()));
      result.add(new SecurityRequirement(new ArrayList<>(requirement.keySet()), scopes));
    }
    // "security: [{}]" (or a list holding an empty alternative) makes the operation public.
    return result.stream().anyMatch(r -> r.schemeNames().isEmpty()) ? List.of() : result;
  }

  private Map<String, SecurityScheme> readSecuritySchemes() {
    Map<String, SecurityScheme> result = new TreeMap<>();
    if (components.getSecuritySchemes() == null) {
      return result;
    }
    components.getSecuritySchemes().forEach((name, scheme) -> {
      if (scheme == null || scheme.getType() == null) {
        return;
      }
      result.put(name, switch (scheme.getType()) {
        case APIKEY -> new SecurityScheme(name, SecurityScheme.Kind.API_KEY, apiKeyLocation(scheme.getIn()),
            scheme.getName());
        case HTTP -> new SecurityScheme(name, httpKind(scheme.getScheme()), null, null);
        case OAUTH2 -> new SecurityScheme(name, SecurityScheme.Kind.OAUTH2, null, null, oauthFlows(scheme.getFlows()),
            null);
        case OPENIDCONNECT -> new SecurityScheme(name, SecurityScheme.Kind.OPEN_ID_CONNECT, null, null, List.of(),
            blankToNull(scheme.getOpenIdConnectUrl()));
        default -> new SecurityScheme(name, SecurityScheme.Kind.OTHER_HTTP, null, null);
      });
    });
    return result;
  }

  /** The flows of an oauth2 scheme in a fixed order: client credentials, password, authorization code, implicit. */
  private static List<SecurityScheme.OAuthFlow> oauthFlows(io.swagger.v3.oas.models.security.OAuthFlows flows) {
    List<SecurityScheme.OAuthFlow> result = new ArrayList<>();
    if (flows == null) {
      return result;
    }
    addFlow(result, SecurityScheme.OAuthFlow.Grant.CLIENT_CREDENTIALS, flows.getClientCredentials());
    addFlow(result, SecurityScheme.OAuthFlow.Grant.PASSWORD, flows.getPassword());
    addFlow(result, SecurityScheme.OAuthFlow.Grant.AUTHORIZATION_CODE, flows.getAuthorizationCode());
    addFlow(result, SecurityScheme.OAuthFlow.Grant.IMPLICIT, flows.getImplicit());
    return result;
  }

  private static void addFlow(List<SecurityScheme.OAuthFlow> result, SecurityScheme.OAuthFlow.Grant grant,
      io.swagger.v3.oas.models.security.OAuthFlow flow) {
    if (flow != null) {
      List<String> scopes = flow.getScopes() == null ? List.of() : new ArrayList<>(flow.getScopes().keySet());
      result.add(new SecurityScheme.OAuthFlow(grant, blankToNull(flow.getTokenUrl()), scopes));
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static ParameterLocation apiKeyLocation(In in) {
    if (in == In.QUERY) {
      return ParameterLocation.QUERY;
    }
    return in == In.COOKIE ? ParameterLocation.COOKIE : ParameterLocation.HEADER;
  }

  private static SecurityScheme.Kind httpKind(String scheme) {
    String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "basic" -> SecurityScheme.Kind.BASIC;
      case "bearer" -> SecurityScheme.Kind.BEARER;
      default -> SecurityScheme.Kind.OTHER_HTTP;
    };
  }

  private static String componentName(String ref, String prefix) {
    String name = ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref.substring(ref.lastIndexOf('/') + 1);
    return Pointers.unescape(name);
  }

  /**
   * A schema's name in {@link ApiModel#schemas()}: its component name, or, for a reference to a schema elsewhere in
   * the document ({@code #/paths/...}), the reference itself.
   */
  static String schemaName(Schema<?> schema) {
    String ref = schema.get$ref();
    String component = "#/components/schemas/";
    boolean elsewhere = ref.startsWith("#/")
        && (!ref.startsWith(component) || ref.indexOf('/', component.length()) >= 0); // or inside a component
    return elsewhere ? ref : componentName(ref, component);
  }
}
