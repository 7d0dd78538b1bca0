package io.mooring.api.dashboard;

/** A page about something that does not exist: a 404 page that says what was looked for. */
class PageNotFound extends RuntimeException {
  PageNotFound(String sentence) {
    super(sentence);
  }
}
