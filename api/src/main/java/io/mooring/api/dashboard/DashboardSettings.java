package io.mooring.api.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param temporalUiUrl where operators open the Temporal UI; every deployment and action links to
 *     its workflow there
 */
@ConfigurationProperties("mooring.dashboard")
record DashboardSettings(@DefaultValue("http://localhost:8233") String temporalUiUrl) {}
