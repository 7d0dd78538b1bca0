package io.mooring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Mooring: the REST API and the Temporal worker, in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MooringApplication {

  public static void main(String[] args) {
    SpringApplication.run(MooringApplication.class, args);
  }
}
