package io.mooring.api.common.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Mooring keeps its things.
 *
 * @param dataDir the data directory of the embedded default (H2 database file)
 * @param servicesFile the YAML file that declares the services Mooring manages; none when blank
 */
@ConfigurationProperties("mooring")
public record MooringSettings(String dataDir, String servicesFile) {}
