package dev.skiff.server.client;

import dev.skiff.server.testing.TestApiServers;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** fabric8 clients for the tests: plain HTTP, the test token, no retries. */
public final class Fabric8Clients {
  private Fabric8Clients() {}

  /** A client of replica {@code index} of {@code servers}, in {@code namespace}. */
  public static KubernetesClient of(TestApiServers servers, int index, String namespace) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(servers.url(index))
            .withOauthToken(TestApiServers.TOKEN)
            .withNamespace(namespace)
            .withRequestRetryBackoffLimit(0)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
