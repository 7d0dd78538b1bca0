package io.mooring.activities.runtime.docker;

import java.util.List;
import org.apache.commons.text.StringTokenizer;
import org.apache.commons.text.matcher.StringMatcherFactory;

/** Tutum takes a run command or entrypoint as one string; the engine wants its words. */
final class CommandWords {
  private CommandWords() {}

  /** Splits at whitespace, keeping what single or double quotes enclose as one word. */
  static List<String> split(String command) {
    return new StringTokenizer(command, StringMatcherFactory.INSTANCE.splitMatcher(),
        StringMatcherFactory.INSTANCE.quoteMatcher()).getTokenList();
  }
}
