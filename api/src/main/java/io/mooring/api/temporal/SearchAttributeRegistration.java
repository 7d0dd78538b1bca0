package io.mooring.api.temporal;

import io.mooring.workflows.deployment.DeploymentSearchAttributes;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Registers, once Mooring is up, the search attributes deployments carry in the Temporal UI. */
@Component
class SearchAttributeRegistration implements ApplicationRunner {

  private final DeploymentSearchAttributes searchAttributes;

  SearchAttributeRegistration(DeploymentSearchAttributes searchAttributes) {
    this.searchAttributes = searchAttributes;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Not fatal when refused: deployments then run without them, and the reason is logged.
    searchAttributes.register();
  }
}
