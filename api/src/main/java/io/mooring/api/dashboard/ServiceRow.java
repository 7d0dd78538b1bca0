package io.mooring.api.dashboard;

import java.util.UUID;

/**
 * One service as the services page shows it.
 *
 * @param running containers that run now; -1 when the engine could not be asked
 * @param candidate the tag the watcher would deploy, when it differs from what runs; else null
 * @param hold why the watcher does not deploy it ({@code up-to-date}, {@code pinned}, …)
 */
public record ServiceRow(
    String name,
    UUID uuid,
    String state,
    String repository,
    String tag,
    String digest,
    int running,
    int target,
    String candidate,
    String hold,
    String holdReason,
    String pinnedTag,
    boolean autoDeploy,
    boolean quarantined) {

  /** The digest as people read it: the algorithm dropped, the first twelve hex digits. */
  public String shortDigest() {
    if (digest == null) {
      return "";
    }
    String hex = digest.substring(digest.indexOf(':') + 1);
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }
}
