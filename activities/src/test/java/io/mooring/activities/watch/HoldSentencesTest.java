package io.mooring.activities.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.mooring.activities.watch.UpgradeReview.Situation;
import io.mooring.activities.watch.UpgradeReview.Verdict;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the dashboard and the outdated report say of a service, as a table: for each way a service
 * can be, the sentence shown, which must be true of it, running or not.
 */
class HoldSentencesTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final Instant LONG_AGO = NOW.minusSeconds(86_400);
  private static final WatchPolicy FOLLOWING = WatchPolicy.defaults("web").withAutoDeploy(true);
  private static final List<CachedTag> LISTED = tags("1.0.0", "1.1.0", "1.2.0");

  /** A service running or stopped on a tag, under a policy, with the registry listing {@link #LISTED}. */
  private record Service(WatchPolicy policy, String tag, boolean running, boolean deploying, boolean enabled,
      Set<String> quarantined) {

    static Service running(String tag) {
      return new Service(FOLLOWING, tag, true, false, true, Set.of());
    }

    static Service stopped(String tag) {
      return new Service(FOLLOWING, tag, false, false, true, Set.of());
    }

    Service under(WatchPolicy other) {
      return new Service(other, tag, running, deploying, enabled, quarantined);
    }

    Service whileBeingDeployed() {
      return new Service(policy, tag, running, true, enabled, quarantined);
    }

    Service withDeploymentsDisabled() {
      return new Service(policy, tag, running, deploying, false, quarantined);
    }

    Service withQuarantined(String candidate) {
      return new Service(policy, tag, running, deploying, enabled, Set.of(candidate));
    }

    Verdict review() {
      return UpgradeReview.review(new Situation(policy, tag, null, running, deploying, enabled, LISTED, quarantined, NOW));
    }
  }

  static Stream<Arguments> everyWayAServiceCanBe() {
    WatchPolicy pinnedToOne = FOLLOWING.withPin("1.0.0", null);
    WatchPolicy pinnedByADeployment = FOLLOWING.withPin("1.1.0", UUID.randomUUID());
    return Stream.of(
        Arguments.of("running an older version", Service.running("1.0.0"),
            "1.2.0", "The watcher deploys it at its next look."),
        Arguments.of("running the newest", Service.running("1.2.0"), "1.2.0", "Has the tag its policy wants."),
        Arguments.of("stopped on the newest", Service.stopped("1.2.0"), "1.2.0", "Has the tag its policy wants."),
        Arguments.of("stopped on an older version", Service.stopped("1.0.0"),
            "1.2.0", "The service is not running, so there is nothing to upgrade."),
        Arguments.of("pinned to what it runs", Service.running("1.0.0").under(pinnedToOne),
            "1.0.0", "Pinned to the tag it has while a newer version is listed."),
        Arguments.of("pinned while stopped", Service.stopped("1.0.0").under(pinnedToOne),
            "1.0.0", "Pinned to the tag it has while a newer version is listed."),
        Arguments.of("pinned by a manual deployment that was rolled back",
            Service.running("1.2.0").under(pinnedByADeployment), "1.1.0",
            "Pinned by a manual deployment to another tag than it has; left as it is until the pin is reset."),
        Arguments.of("pinned to a tag the registry lacks", Service.running("1.0.0").under(FOLLOWING.withPin("9.9.9", null)),
            "9.9.9", "The registry does not list the pinned tag."),
        Arguments.of("on a tag that is no version", Service.running("latest"),
            "latest", "Has a tag that is not a version, so no version is newer."),
        Arguments.of("with a failed candidate", Service.running("1.0.0").withQuarantined("1.2.0"), "1.2.0",
            "Its automatic deployment failed; held until a newer version appears or an operator clears the quarantine."),
        Arguments.of("with auto-deploy off", Service.running("1.0.0").under(WatchPolicy.defaults("web")),
            "1.2.0", "Auto-deploy is off."),
        Arguments.of("being deployed", Service.running("1.0.0").whileBeingDeployed(), "1.2.0",
            "A deployment of the service is under way or waiting in the deployment gate's line."),
        Arguments.of("with deployments disabled", Service.running("1.0.0").withDeploymentsDisabled(), "1.2.0",
            "Deployments are disabled."));
  }

  @ParameterizedTest(name = "a service {0}: {3}")
  @MethodSource("everyWayAServiceCanBe")
  void saysWhatIsTrueOfTheService(String way, Service service, String wanted, String sentence) {
    Verdict verdict = service.review();

    assertThat(verdict.wantedTag()).isEqualTo(wanted);
    assertThat(verdict.hold().sentence()).isEqualTo(sentence);
  }

  @ParameterizedTest(name = "a service {0}")
  @MethodSource("everyWayAServiceCanBe")
  void neverSaysItRunsWhatItMayNotRun(String way, Service service, String wanted, String sentence) {
    // Stopped services get the same sentences: none may claim the service runs.
    assertThat(service.review().hold().sentence()).doesNotContainIgnoringCase("runs ").doesNotStartWith("Runs");
  }

  private static List<CachedTag> tags(String... names) {
    return Arrays.stream(names).map(name -> new CachedTag(name, LONG_AGO, null)).toList();
  }
}
