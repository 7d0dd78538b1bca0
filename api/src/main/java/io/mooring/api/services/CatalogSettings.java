package io.mooring.api.services;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param servicesFile the YAML file that declares the services Mooring manages; none when blank */
@ConfigurationProperties("mooring")
public record CatalogSettings(String servicesFile) {}
