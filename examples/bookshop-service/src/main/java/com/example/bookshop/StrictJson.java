package com.example.bookshop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON read as strictly as openapi.yaml writes it. Jackson's lenient defaults accept 12345 for a string and an epoch
 * number for a date-time; the generated malformed-payload tests caught both. A null where the spec allows none is
 * refused by bean validation ({@code @NotNull} on required members and array items); an optional member may be
 * absent. (This class used to fail every null in Jackson, which also failed every absent optional member of a
 * record: the least surprising valid request, which leaves those out, found it.)
 */
@Configuration
public class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
    return builder -> builder.postConfigurer(mapper -> {
      for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.DateTime}) {
        mapper.coercionConfigFor(type)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
      }
      // The JSR-310 deserializers take epoch numbers whatever the coercion settings: date-times must be strings.
      mapper.registerModule(new SimpleModule("strict-date-time").addDeserializer(OffsetDateTime.class,
          new StdScalarDeserializer<OffsetDateTime>(OffsetDateTime.class) {
            @Override
            public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
              if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
              }
              try {
                return OffsetDateTime.parse(parser.getText());
              } catch (DateTimeParseException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, parser.getText(),
                    "not an RFC 3339 date-time");
              }
            }
          }));
    });
  }
}
