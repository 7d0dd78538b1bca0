package io.mooring.api.watch;

import io.mooring.activities.watch.ServiceReview;
import io.mooring.activities.watch.ServiceReviews;
import io.mooring.workflows.gate.GateClient;
import java.util.List;
import org.springframework.stereotype.Component;

/** The watched services with the watcher's verdict, as the watch API shows them. */
@Component
class WatchedServices {

  private final ServiceReviews reviews;
  private final GateClient gate;

  WatchedServices(ServiceReviews reviews, GateClient gate) {
    this.reviews = reviews;
    this.gate = gate;
  }

  /** Every service that is not terminated, by name. */
  List<ServiceReview> all() {
    return reviews.review(policy -> true, gate.state().enabled());
  }

  /** A service by its unique name (registrywatcher's repository name); 400 when there is none. */
  ServiceReview one(String name) {
    return reviews.review(policy -> policy.service().equals(name), gate.state().enabled()).stream().findFirst()
        .orElseThrow(() -> WatchProblems.unknownRepository(name));
  }
}
