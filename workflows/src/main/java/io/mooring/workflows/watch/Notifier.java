package io.mooring.workflows.watch;

import io.mooring.activities.TaskQueues;
import io.mooring.activities.deployments.DeploymentRecord;
import io.mooring.activities.deployments.DeploymentStore;
import io.mooring.activities.notify.Notification;
import io.mooring.activities.notify.NotificationOutbox;
import io.mooring.activities.notify.NotificationSettings;
import io.mooring.activities.notify.WebhookSender;
import io.mooring.activities.versions.UpgradePolicy;
import io.mooring.activities.watch.ServiceReview;
import io.mooring.activities.watch.ServiceReviews;
import io.mooring.activities.watch.WatchPolicies;
import io.mooring.workflows.deployment.DeploymentLinks;
import io.temporal.spring.boot.ActivityImpl;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds what is worth telling (a new version of a service, an automatic deployment's end) and posts
 * it to the configured webhooks. With none configured it does nothing.
 */
@Component
@ActivityImpl(taskQueues = TaskQueues.MOORING)
public class Notifier implements NotifyActivities {

  static final String NEW_VERSION = "new-version";
  static final String OUTCOME = "deployment-outcome";
  /** Outcomes older than this when webhooks are first configured are not announced after the fact. */
  private static final Duration OUTCOMES_WITHIN = Duration.ofHours(1);

  private final NotificationSettings settings;
  private final NotificationOutbox outbox;
  private final WebhookSender sender;
  private final ServiceReviews reviews;
  private final DeploymentStore deployments;
  private final DeploymentLinks links;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();
  private final ExecutorService senders = Executors.newFixedThreadPool(4, runnable -> {
    Thread thread = new Thread(runnable, "webhook-sender");
    thread.setDaemon(true);
    return thread;
  });

  public Notifier(NotificationSettings settings, NotificationOutbox outbox, WebhookSender sender,
      ServiceReviews reviews, DeploymentStore deployments, DeploymentLinks links, Clock clock) {
    this.settings = settings;
    this.outbox = outbox;
    this.sender = sender;
    this.reviews = reviews;
    this.deployments = deployments;
    this.links = links;
    this.clock = clock;
  }

  @PreDestroy
  void stopSending() {
    senders.shutdownNow();
  }

  @Override
  public Queued collect(CollectNotifications request) {
    if (!settings.enabled()) {
      return new Queued(0, 0);
    }
    return new Queued(newVersions(request.limit()), outcomes(request.limit()));
  }

  /** The newest version by each service's strategy, once per service and version. */
  private int newVersions(int limit) {
    Map<String, Map<String, Object>> events = new LinkedHashMap<>();
    for (ServiceReview review : reviews.review(policy -> true, true)) {
      String running = review.service().tag();
      Optional<String> newest = UpgradePolicy.best(running, review.tagNames(), review.policy().strategy(),
          review.policy().preReleases());
      if (newest.isPresent() && !newest.get().equals(running)) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", NEW_VERSION);
        body.put("service", review.service().name());
        body.put("repository", review.service().repository());
        body.put("current_tag", running);
        body.put("tag", newest.get());
        body.put("auto_deploy", review.policy().autoDeploy());
        body.put("hold", review.verdict().hold().label());
        events.put("version:" + review.service().name() + ":" + newest.get(), body);
      }
    }
    Set<String> known = outbox.known(events.keySet());
    int queued = 0;
    for (Map.Entry<String, Map<String, Object>> event : events.entrySet()) {
      if (!known.contains(event.getKey()) && queued < limit) {
        event.getValue().put("at", clock.instant().toString());
        outbox.queue(event.getKey(), NEW_VERSION, json.writeValueAsString(event.getValue()), settings.webhooks());
        queued++;
      }
    }
    return queued;
  }

  private int outcomes(int limit) {
    int queued = 0;
    for (UUID id : outbox.endedWithoutOutcome(WatchPolicies.WATCHER, clock.instant().minus(OUTCOMES_WITHIN))) {
      Optional<DeploymentRecord> ended = deployments.find(id);
      if (ended.isEmpty() || queued >= limit) {
        continue;
      }
      DeploymentRecord deployment = ended.get();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("event", OUTCOME);
      body.put("service", deployment.service());
      body.put("tag", deployment.tag());
      body.put("digest", deployment.digest());
      body.put("previous_tag", deployment.previousTag());
      body.put("deployment_id", id.toString());
      body.put("status", deployment.status().label());
      body.put("message", deployment.message());
      body.put("status_link", links.deploymentStatus(id));
      body.put("logs_link", links.deploymentLogs(id));
      body.put("at", deployment.updatedAt().toString());
      outbox.queue("outcome:" + id, OUTCOME, json.writeValueAsString(body), settings.webhooks());
      queued++;
    }
    return queued;
  }

  @Override
  public Delivered deliver(DeliverNotifications request) {
    List<Notification> due = outbox.due(request.limit());
    List<Future<Boolean>> sends = new ArrayList<>();
    for (Notification notification : due) {
      sends.add(senders.submit(() -> {
        Optional<String> refused = sender.send(notification);
        if (refused.isPresent()) {
          outbox.failed(notification, refused.get());
          return false;
        }
        outbox.delivered(notification);
        return true;
      }));
    }
    int delivered = 0;
    for (Future<Boolean> send : sends) {
      try {
        delivered += send.get() ? 1 : 0;
      } catch (ExecutionException e) {
        // The outbox could not be written: the notification stays due and goes again next time.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new Delivered(delivered, due.size() - delivered);
  }
}
