package io.mooring.activities.actions;

/**
 * Who asked for an action and how, as Tutum's Action object shows it.
 *
 * @param body the request's body; null when it had none
 * @param callerKind {@code person}, {@code pipeline} or {@code mooring}
 * @param userAction asked for by a caller, not done by Mooring on its own
 */
public record ActionOrigin(
    String method,
    String path,
    String userAgent,
    String ip,
    String body,
    String username,
    String callerKind,
    boolean userAction) {}
