package org.trdcds.fhirdata;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the cds.fhir.* settings of the data layer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FhirClientSettings.class)
class FhirDataConfiguration {}
