package dev.skiff.server.controller.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.api.Json;
import dev.skiff.api.model.core.Service;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadBalancerReconcilerTest {

  private static Service service(String spec) {
    try {
      return Json.mapper().readValue("{\"spec\":" + spec + "}", Service.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @ParameterizedTest(name = "{0} / class {1}: {2}")
  @CsvSource({
    "LoadBalancer, '',                  true",
    "LoadBalancer, skiff.dev/loopback,  true",
    "LoadBalancer, example.com/other,   false",
    "NodePort,     '',                  false",
  })
  void takesLoadBalancerServicesOfItsClassOrNone(String type, String cls, boolean ours) {
    Service svc =
        service(
            "{\"type\":\""
                + type
                + "\""
                + (cls.isEmpty() ? "" : ",\"loadBalancerClass\":\"" + cls + "\"")
                + "}");
    assertThat(LoadBalancerReconciler.ours(svc, "skiff.dev/loopback")).isEqualTo(ours);
  }

  @Test
  void aRequestedIpIsTheOnlyCandidate() {
    Service svc = service("{\"type\":\"LoadBalancer\",\"loadBalancerIP\":\"127.20.0.9\"}");
    assertThat(LoadBalancerReconciler.candidates(svc, List.of("127.20.0.1"), "127.20.0.2"))
        .containsExactly("127.20.0.9");
  }

  @Test
  void otherwiseCurrentIngressIpsComeBeforeAPendingOne() {
    Service svc = service("{\"type\":\"LoadBalancer\"}");
    assertThat(LoadBalancerReconciler.candidates(svc, List.of("127.20.0.1"), "127.20.0.2"))
        .containsExactly("127.20.0.1", "127.20.0.2");
    assertThat(LoadBalancerReconciler.candidates(svc, List.of(), null)).isEmpty();
  }

  @Test
  void theStatusPublishesTheIpAsTheOnlyVipIngressWithoutTouchingTheInput() {
    Service svc = service("{\"type\":\"LoadBalancer\"}");
    Service updated = LoadBalancerReconciler.withIngress(svc, "127.20.0.3");
    assertThat(LoadBalancerReconciler.ingressIps(updated)).containsExactly("127.20.0.3");
    assertThat(updated.status.loadBalancer.ingress.get(0).ipMode).isEqualTo("VIP");
    assertThat(LoadBalancerReconciler.ingressIps(svc)).isEmpty();
  }
}
