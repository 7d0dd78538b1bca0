package io.mooring.api.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param temporalUiUrl where operators open the Temporal UI; every deployment and action links to
 *     its workflow there. None by default: the embedded default runs no Temporal UI, and a link to
 *     one that does not run leads nowhere.
 */
@ConfigurationProperties("mooring.dashboard")
record DashboardSettings(String temporalUiUrl) {}
