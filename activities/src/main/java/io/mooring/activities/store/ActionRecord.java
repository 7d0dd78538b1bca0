package io.mooring.activities.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One operation on a service (Tutum's Action): what was asked, by whom, from where, and how it went.
 * Its log is the operation log under the same id.
 *
 * @param service the unique name of the service it acts on
 * @param action what it does, in Tutum's words ({@code Service Start}, …)
 * @param method the HTTP method of the request that asked for it
 * @param path the path of that request
 * @param body the request's body, null when it had none
 * @param userAction asked for by a caller rather than done by Mooring on its own (a replacement)
 */
public record ActionRecord(
    UUID id,
    String service,
    String action,
    String method,
    String path,
    String userAgent,
    String ip,
    String body,
    String username,
    String callerKind,
    boolean userAction,
    ActionState state,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt) {

  public ActionRecord withState(ActionState newState) {
    return new ActionRecord(id, service, action, method, path, userAgent, ip, body, username, callerKind, userAction,
        newState, createdAt, startedAt, endedAt);
  }
}
