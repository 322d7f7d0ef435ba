package com.example.bookshop;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Genres, written in lower case on the wire. */
public enum Genre {
  @JsonProperty("fiction") FICTION,
  @JsonProperty("tech") TECH,
  @JsonProperty("history") HISTORY,
  @JsonProperty("poetry") POETRY
}
