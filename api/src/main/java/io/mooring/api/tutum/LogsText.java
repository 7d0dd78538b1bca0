package io.mooring.api.tutum;

import io.swagger.v3.oas.annotations.media.Schema;

/** A log as Tutum answered one over HTTP: its lines as one text. */
record LogsText(@Schema(description = "The lines, separated by newlines") String logs) {}
