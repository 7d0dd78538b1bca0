package io.mooring.api.common.images;

import java.util.regex.Pattern;

/** Docker's rule for image tags, and the sentence Harmony answers with when a tag breaks it. */
public final class TagRule {

  public static final String SENTENCE = "A tag name may contain lowercase and uppercase characters, digits, "
      + "underscores, periods and dashes. A tag name may not start with a period or a dash and may "
      + "contain a maximum of 128 characters.";

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private TagRule() {}

  public static boolean allows(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }
}
