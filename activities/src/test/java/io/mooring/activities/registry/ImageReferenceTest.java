package io.mooring.activities.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

  @Test
  void splitsARegistryHostWithAPortFromThePath() {
    var image = ImageReference.of("127.0.0.1:5000/demo/web", "1.0.0");
    assertThat(image.registry()).isEqualTo("127.0.0.1:5000");
    assertThat(image.path()).isEqualTo("demo/web");
    assertThat(image).hasToString("127.0.0.1:5000/demo/web:1.0.0");
  }

  @Test
  void readsANameWithoutAHostAsDockerHub() {
    var image = ImageReference.of("mojaloop/central-ledger", "v11.0.0");
    assertThat(image.registry()).isEqualTo("registry-1.docker.io");
    assertThat(image.path()).isEqualTo("mojaloop/central-ledger");
  }

  @Test
  void putsOfficialImagesUnderLibrary() {
    assertThat(ImageReference.of("busybox", "1.36").path()).isEqualTo("library/busybox");
  }

  @Test
  void writesADigestReferenceWithAnAt() {
    assertThat(ImageReference.of("localhost:5000/web", "sha256:abc")).hasToString("localhost:5000/web@sha256:abc");
  }

  @Test
  void speaksPlainHttpOnlyToLoopbackAndListedRegistries() {
    var endpoints = new RegistryEndpoints(Set.of("registry.internal:5000"));
    assertThat(endpoints.baseUri("127.0.0.1:5000")).hasScheme("http");
    assertThat(endpoints.baseUri("localhost:5000")).hasScheme("http");
    assertThat(endpoints.baseUri("registry.internal:5000")).hasScheme("http");
    assertThat(endpoints.baseUri("ghcr.io")).hasScheme("https");
  }
}
