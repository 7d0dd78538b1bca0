package io.mooring.api.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.springframework.web.util.UriUtils;

/**
 * One service as the services page shows it.
 *
 * @param running containers that run now; -1 when the engine could not be asked
 * @param versionMix which versions those are, while a deployment rolls them over (e.g. {@code 3 old
 *     (1.0.0), 1 new (1.1.0)}); null when they all run the recorded one
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
    String versionMix,
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

  // What the services table shows, worked out here once a row rather than by a template expression
  // each: the table of 1,000 services is rendered in a fraction of the time.

  public String rowId() {
    return "service-" + name;
  }

  /** Every control of a refreshed table has an id: htmx gives the focus back to the same id after a refresh. */
  public String linkId() {
    return "open-" + name;
  }

  public String href() {
    return "/ui/services/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
  }

  public String stateClass() {
    return "state state-" + state.toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  public String containers() {
    return (running < 0 ? "?" : Integer.toString(running)) + " / " + target
        + (versionMix == null ? "" : ": " + versionMix);
  }

  public boolean pinned() {
    return !pinnedTag.isEmpty();
  }

  public String pinLabel() {
    return pinned() ? pinnedTag : "follows newest";
  }

  public String pinClass() {
    return pinned() ? "pin" : "sub";
  }

  public String toggleId() {
    return "auto-" + name;
  }

  public String toggleLabel() {
    return "Auto-deploy " + name;
  }

  /** registrywatcher's endpoints for this service, as the page's script calls them. */
  public String tagsApi() {
    return "POST /tags/" + name;
  }

  public String unpinApi() {
    return "POST /tags/" + name + "/reset";
  }

  public String quarantineApi() {
    return "DELETE /tags/" + name + "/quarantine";
  }
}
