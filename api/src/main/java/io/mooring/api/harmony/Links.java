package io.mooring.api.harmony;

import java.util.UUID;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The absolute links Mooring hands out, rooted where the caller reached it. */
final class Links {
  private Links() {}

  static String root() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }

  static String status(UUID deploymentId) {
    return root() + "/service-deployment/" + deploymentId;
  }

  static String logs(UUID deploymentId) {
    return root() + "/deployment-logs/" + deploymentId;
  }
}
