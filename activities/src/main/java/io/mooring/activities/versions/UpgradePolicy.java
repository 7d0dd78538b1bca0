package io.mooring.activities.versions;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks the tag a service should run, from the tags a registry lists, by an upgrade strategy.
 * Never a downgrade: the answer is at or above the current version even when the current tag is
 * no longer listed. Pre-releases never win unless asked for; tags that are not versions are
 * ignored; the answer is spelled as the registry spells it.
 */
public final class UpgradePolicy {
  private UpgradePolicy() {}

  /**
   * The best tag for {@code current}, which is itself when nothing listed is better; empty when
   * {@code current} is not a version.
   */
  public static Optional<String> best(String current, Collection<String> listed, UpgradeStrategy strategy,
      boolean preReleases) {
    return bestOf(current, listed.stream().map(TagVersion::of).flatMap(Optional::stream).toList(), strategy,
        preReleases);
  }

  /** The same, from tags read as versions once (a cache of them), for repositories of many tags. */
  public static Optional<String> bestOf(String current, Collection<TagVersion> versions, UpgradeStrategy strategy,
      boolean preReleases) {
    Optional<TagVersion> parsed = TagVersion.of(current);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    TagVersion now = parsed.get();
    Predicate<TagVersion> allowed = switch (strategy) {
      case MAJOR -> candidate -> true;
      case MINOR -> candidate -> candidate.version().getMajor() == now.version().getMajor();
      case BUGFIX -> candidate -> candidate.version().getMajor() == now.version().getMajor()
          && candidate.version().getMinor() == now.version().getMinor();
      case PATCH -> candidate -> candidate.sameRelease(now);
    };
    Predicate<TagVersion> kind = candidate -> candidate.release() || preReleases;
    return Optional.of(versions.stream()
        .filter(allowed).filter(kind)
        .filter(candidate -> candidate.compareTo(now) >= 0)
        // Equal versions spelt differently (1.2 and 1.2.0): the fuller spelling, then the current one.
        .max(Comparator.<TagVersion>naturalOrder()
            .thenComparing(candidate -> candidate.tag().equals(current))
            .thenComparing(candidate -> candidate.tag().length()))
        .map(TagVersion::tag)
        .orElse(current));
  }
}
