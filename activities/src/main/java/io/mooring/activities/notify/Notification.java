package io.mooring.activities.notify;

/**
 * One event for one receiver, as the outbox keeps it.
 *
 * @param eventKey what makes the event itself: {@code version:<service>:<tag>} or {@code outcome:<deployment id>}
 * @param event {@code new-version} or {@code deployment-outcome}
 * @param body the JSON body, signed as it is sent
 */
public record Notification(String eventKey, String url, String event, String body, int attempts) {}
