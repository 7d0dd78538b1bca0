package io.mooring.activities.versions;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * An image tag read as a version, keeping the tag as the registry spells it. Registries write
 * {@code v1.2.3}, {@code 1.2} and {@code 1.2.3-patch.4}; the library reads strict semantic
 * versions, so the tag is first brought into that shape (no {@code v}, three numbers).
 */
public record TagVersion(String tag, Semver version) implements Comparable<TagVersion> {

  private static final Pattern TWO_PART = Pattern.compile("^(\\d+\\.\\d+)([-+].*)?$");

  /** The tag as a version; empty for tags that are not versions ({@code latest}, {@code main}). */
  public static Optional<TagVersion> of(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String text = tag.startsWith("v") || tag.startsWith("V") ? tag.substring(1) : tag;
    var twoPart = TWO_PART.matcher(text);
    if (twoPart.matches()) {
      text = twoPart.group(1) + ".0" + (twoPart.group(2) == null ? "" : twoPart.group(2));
    }
    return Optional.ofNullable(Semver.parse(text)).map(version -> new TagVersion(tag, version));
  }

  /**
   * A release: no pre-release part, or a {@code -patch.N} hotfix of one. Anything else after the
   * dash ({@code -rc.1}, {@code -snapshot}) is a pre-release.
   */
  public boolean release() {
    return version.getPreRelease().isEmpty() || hotfix();
  }

  /** {@code X.Y.Z-patch.N}. */
  public boolean hotfix() {
    List<String> pre = version.getPreRelease();
    return pre.size() == 2 && pre.get(0).equals("patch") && pre.get(1).matches("\\d{1,18}");
  }

  /** N of {@code X.Y.Z-patch.N}; 0 for anything else. */
  public long patchNumber() {
    return hotfix() ? Long.parseLong(version.getPreRelease().get(1)) : 0;
  }

  public boolean sameRelease(TagVersion other) {
    return version.getMajor() == other.version.getMajor() && version.getMinor() == other.version.getMinor()
        && version.getPatch() == other.version.getPatch();
  }

  /**
   * Semantic version order, but with {@code X.Y.Z-patch.N} above {@code X.Y.Z} (a hotfix comes after
   * what it fixes; to semantic versioning alone it would be a pre-release below it), and the
   * patches in the order of N as a number.
   */
  @Override
  public int compareTo(TagVersion other) {
    int byRelease = Comparator.comparingInt((TagVersion v) -> v.version.getMajor())
        .thenComparingInt(v -> v.version.getMinor())
        .thenComparingInt(v -> v.version.getPatch())
        .compare(this, other);
    if (byRelease != 0) {
      return byRelease;
    }
    int byKind = Integer.compare(rank(), other.rank());
    if (byKind != 0) {
      return byKind;
    }
    return rank() == 2 ? Long.compare(patchNumber(), other.patchNumber()) : version.compareTo(other.version);
  }

  /** 0 a pre-release, 1 the release, 2 a patch of it. */
  private int rank() {
    return hotfix() ? 2 : version.getPreRelease().isEmpty() ? 1 : 0;
  }
}
