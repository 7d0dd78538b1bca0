package io.mooring.activities.watch;

import java.time.Instant;

/**
 * A tag as the registry last listed it.
 *
 * @param firstSeenAt when the watcher first saw it listed: the image's age for the minimum-age rule
 * @param digest what it points at, read only for tags a service pins; null otherwise
 */
public record CachedTag(String tag, Instant firstSeenAt, String digest) {}
