package io.mooring.api.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mooring.api.TestIdentityProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** How JWTs are checked, without the rest of Mooring: settings, timeouts, the key set's outages. */
class IdentityProviderConfigurationTest {

  private static final SecuritySettings SETTINGS = new SecuritySettings(null, null, null, null, false, false, false);

  @Test
  void refusesToStartWithAKeySetButNoIssuer() {
    var properties = new OAuth2ResourceServerProperties();
    properties.getJwt().setJwkSetUri("https://idp.example.org/keys");

    assertThatThrownBy(() -> new IdentityProviderConfiguration().identityProvider(properties, SETTINGS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("issuer-uri");
  }

  @Test
  void aKeySetThatHangsIsAQuickUnavailableNotAHang() throws Exception {
    try (ServerSocket silent = new ServerSocket()) {
      silent.bind(new InetSocketAddress("127.0.0.1", 0));
      List<Socket> held = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        while (!silent.isClosed()) {
          try {
            held.add(silent.accept()); // accepted, never answered
          } catch (IOException closed) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      var properties = new OAuth2ResourceServerProperties();
      properties.getJwt().setIssuerUri("http://127.0.0.1:1/issuer");
      properties.getJwt().setJwkSetUri("http://127.0.0.1:" + silent.getLocalPort() + "/jwks");
      var provider = new IdentityProviderConfiguration().identityProvider(properties, SETTINGS);
      var authentication = new BearerAuthentication(null, SETTINGS, providerOf(provider));
      String token;
      try (var idp = new TestIdentityProvider()) {
        token = idp.token("ada", List.of("Harmony Core Permissions"));
      }

      for (int attempt = 0; attempt < 3; attempt++) {
        Instant start = Instant.now();
        assertThatThrownBy(() -> authentication.authenticate(new BearerTokenAuthenticationToken(token)))
            .isInstanceOf(IdentityProviderUnavailableException.class);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
      }
      acceptor.interrupt();
    }
  }

  private static org.springframework.beans.factory.ObjectProvider<IdentityProvider> providerOf(IdentityProvider provider) {
    var factory = new org.springframework.beans.factory.support.DefaultListableBeanFactory();
    factory.registerSingleton("identityProvider", provider);
    return factory.getBeanProvider(IdentityProvider.class);
  }
}
