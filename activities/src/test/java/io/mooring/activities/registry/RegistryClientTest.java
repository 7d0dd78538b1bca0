package io.mooring.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mooring.activities.registry.LocalRegistry.Auth;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistryClientTest {

  private static final String DIGEST = "sha256:" + "ab".repeat(32);
  private static final Optional<RegistryCredentials> READER =
      Optional.of(new RegistryCredentials(LocalRegistry.USER, LocalRegistry.PASSWORD));

  private final RegistryClient client = new RegistryClient(new RegistryEndpoints(Set.of()), Duration.ofSeconds(2));

  @Test
  void resolvesATagToItsDigestAnonymously() throws Exception {
    try (var registry = new LocalRegistry(Auth.ANONYMOUS).with("demo/web", "1.0.0", DIGEST)) {
      String digest = client.resolveDigest(ImageReference.of(registry.host() + "/demo/web", "1.0.0"), Optional.empty());
      assertThat(digest).isEqualTo(DIGEST);
    }
  }

  @Test
  void asksForEveryManifestKindTheEngineCanPull() throws Exception {
    try (var registry = new LocalRegistry(Auth.ANONYMOUS).with("demo/web", "1.0.0", DIGEST)) {
      client.resolveDigest(ImageReference.of(registry.host() + "/demo/web", "1.0.0"), Optional.empty());
      assertThat(registry.lastAcceptHeader)
          .contains("application/vnd.oci.image.index.v1+json")
          .contains("application/vnd.oci.image.manifest.v1+json")
          .contains("application/vnd.docker.distribution.manifest.list.v2+json")
          .contains("application/vnd.docker.distribution.manifest.v2+json");
    }
  }

  @Test
  void reportsAMissingTagAsUnreachableInHarmonysWords() throws Exception {
    try (var registry = new LocalRegistry(Auth.ANONYMOUS).with("demo/web", "1.0.0", DIGEST)) {
      assertThatThrownBy(() -> client.resolveDigest(ImageReference.of(registry.host() + "/demo/web", "9.9.9"), Optional.empty()))
          .isInstanceOf(ImageUnreachableException.class)
          .hasMessage(registry.host() + "/demo/web:9.9.9 is unreachable");
    }
  }

  @Test
  void answersABasicChallengeWithTheServicesCredentials() throws Exception {
    try (var registry = new LocalRegistry(Auth.BASIC).with("demo/web", "1.0.0", DIGEST)) {
      assertThat(client.resolveDigest(ImageReference.of(registry.host() + "/demo/web", "1.0.0"), READER)).isEqualTo(DIGEST);
    }
  }

  @Test
  void treatsAnAuthRegistryWithoutCredentialsAsUnreachable() throws Exception {
    try (var registry = new LocalRegistry(Auth.BASIC).with("demo/web", "1.0.0", DIGEST)) {
      assertThatThrownBy(() -> client.resolveDigest(ImageReference.of(registry.host() + "/demo/web", "1.0.0"), Optional.empty()))
          .isInstanceOf(ImageUnreachableException.class);
    }
  }

  @Test
  void rejectsWrongBasicCredentials() throws Exception {
    try (var registry = new LocalRegistry(Auth.BASIC).with("demo/web", "1.0.0", DIGEST)) {
      var wrong = Optional.of(new RegistryCredentials(LocalRegistry.USER, "wrong"));
      assertThatThrownBy(() -> client.resolveDigest(ImageReference.of(registry.host() + "/demo/web", "1.0.0"), wrong))
          .isInstanceOf(ImageUnreachableException.class);
    }
  }

  @Test
  void fetchesABearerTokenFromTheRealmTheChallengeNames() throws Exception {
    try (var registry = new LocalRegistry(Auth.BEARER).with("demo/web", "1.0.0", DIGEST)) {
      assertThat(client.resolveDigest(ImageReference.of(registry.host() + "/demo/web", "1.0.0"), READER)).isEqualTo(DIGEST);
    }
  }

  @Test
  void saysTheRegistryIsUnavailableWhenNothingListens() throws Exception {
    int freePort;
    try (var socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    assertThatThrownBy(() -> client.resolveDigest(ImageReference.of("127.0.0.1:" + freePort + "/demo/web", "1.0.0"), Optional.empty()))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("127.0.0.1:" + freePort);
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(READER.get().toString()).doesNotContain(LocalRegistry.PASSWORD);
  }

  @Test
  void listsEveryTagFollowingTheRegistrysPages() throws Exception {
    try (var registry = new LocalRegistry(Auth.ANONYMOUS)) {
      for (int i = 0; i < 250; i++) {
        registry.with("demo/web", "1." + i + ".0", DIGEST);
      }
      registry.with("demo/other", "9.9.9", DIGEST);

      var tags = client.listTags(ImageReference.of(registry.host() + "/demo/web", "latest"), Optional.empty());

      assertThat(tags).hasSize(250).doesNotHaveDuplicates().contains("1.0.0", "1.249.0").doesNotContain("9.9.9");
      assertThat(registry.tagPages.get()).as("100 a page").isEqualTo(3);
    }
  }

  @Test
  void listsTagsBehindABearerChallenge() throws Exception {
    try (var registry = new LocalRegistry(Auth.BEARER).with("demo/web", "1.0.0", DIGEST).with("demo/web", "1.1.0", DIGEST)) {
      assertThat(client.listTags(ImageReference.of(registry.host() + "/demo/web", "latest"), READER))
          .containsExactly("1.0.0", "1.1.0");
    }
  }

  @Test
  void reportsAnUnknownRepositoryAsUnreachable() throws Exception {
    try (var registry = new LocalRegistry(Auth.ANONYMOUS).with("demo/web", "1.0.0", DIGEST)) {
      assertThatThrownBy(() -> client.listTags(ImageReference.of(registry.host() + "/demo/nothing", "latest"), Optional.empty()))
          .isInstanceOf(ImageUnreachableException.class);
    }
  }

  @Test
  void reportsHowLongARegistryAskedToBeLeftAlone() throws Exception {
    try (var registry = new LocalRegistry(Auth.ANONYMOUS).with("demo/web", "1.0.0", DIGEST)) {
      registry.busy = "429 7";
      assertThatThrownBy(() -> client.listTags(ImageReference.of(registry.host() + "/demo/web", "latest"), Optional.empty()))
          .isInstanceOfSatisfying(RegistryBusyException.class,
              busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
      registry.busy = "503 2";
      assertThatThrownBy(() -> client.listTags(ImageReference.of(registry.host() + "/demo/web", "latest"), Optional.empty()))
          .isInstanceOfSatisfying(RegistryBusyException.class,
              busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
    }
  }
}
