package com.example.bookshop;

import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shop's settings: a singleton resource, read with GET and replaced whole with PUT. */
@RestController
public class SettingsController {

  private final AtomicReference<Settings> settings = new AtomicReference<>(
      new Settings("EUR", 20, null, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));

  @GetMapping("/settings")
  public Settings getSettings() {
    return settings.get();
  }

  /** PUT replaces the settings: a member left out takes its default (none for the motto), it is not kept. */
  @PutMapping("/settings")
  public Settings replaceSettings(@Valid @RequestBody Settings sent) {
    return settings.updateAndGet(previous -> Settings.replacing(sent,
        OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
  }
}
