package io.mooring.activities.regression;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RegressionSettings.class)
public class RegressionConfiguration {}
