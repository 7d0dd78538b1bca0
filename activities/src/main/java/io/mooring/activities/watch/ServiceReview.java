package io.mooring.activities.watch;

import io.mooring.activities.services.ServiceVersion;
import io.mooring.activities.watch.UpgradeReview.Verdict;
import java.util.List;
import java.util.Set;

/**
 * A service as the registry watcher sees it: what runs, its policy, the cached tags of its
 * repository, and the watcher's verdict.
 *
 * @param quarantined candidates ({@code tag@digest}) whose automatic deployment failed
 */
public record ServiceReview(ServiceVersion service, WatchPolicy policy, List<CachedTag> tags, Set<String> quarantined,
    Verdict verdict) {

  public List<String> tagNames() {
    return tags.stream().map(CachedTag::tag).toList();
  }
}
