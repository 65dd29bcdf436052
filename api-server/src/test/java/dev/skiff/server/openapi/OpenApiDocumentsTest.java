package dev.skiff.server.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import dev.skiff.server.discovery.ComputedResources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentsTest {
  private static final OpenApiDocuments DOCS = new OpenApiDocuments();

  private static JsonNode v3(ResourceType t) {
    String path = t.group().isEmpty() ? "api/" + t.version() : "apis/" + t.apiVersion();
    assertThat(DOCS.v3(path)).as("v3 document of " + path).isNotNull();
    return Json.tree(DOCS.v3(path).body());
  }

  private static JsonNode schemaOfKind(JsonNode schemas, ResourceType t) {
    for (JsonNode schema : schemas) {
      for (JsonNode gvk : schema.path("x-kubernetes-group-version-kind")) {
        if (gvk.path("group").asText().equals(t.group())
            && gvk.path("version").asText().equals(t.version())
            && gvk.path("kind").asText().equals(t.kind())) {
          return schema;
        }
      }
    }
    return null;
  }

  @Test
  void everyKindInTheRegistryHasASchemaInV2AndV3() {
    List<ResourceType> all = new ArrayList<>(Resources.ALL);
    all.addAll(ComputedResources.ALL);
    JsonNode v2 = Json.tree(DOCS.v2().body()).path("definitions");
    for (ResourceType t : all) {
      JsonNode v3 = schemaOfKind(v3(t).path("components").path("schemas"), t);
      assertThat(v3).as("v3 schema of " + t.kind()).isNotNull();
      assertThat(v3.path("properties").has("metadata")).as(t.kind()).isTrue();
      assertThat(v3.path("properties").has("kind")).as(t.kind()).isTrue();
      assertThat(schemaOfKind(v2, t)).as("v2 schema of " + t.kind()).isNotNull();
    }
  }

  @Test
  void podSchemaUsesKubernetesNamesTypesAndRequiredFields() {
    JsonNode schemas = v3(Resources.PODS).path("components").path("schemas");
    JsonNode pod = schemas.path("io.k8s.api.core.v1.Pod");
    assertThat(pod.at("/properties/metadata/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    assertThat(pod.path("description").asText()).startsWith("Pod is a collection of containers");
    JsonNode container = schemas.path("io.k8s.api.core.v1.Container");
    assertThat(container.path("required").toString()).isEqualTo("[\"name\"]");
    assertThat(container.at("/properties/image/type").asText()).isEqualTo("string");
    assertThat(container.at("/properties/image/description").asText()).contains("Container image");
    assertThat(
            schemas
                .at("/io.k8s.api.core.v1.ContainerPort/properties/containerPort/format")
                .asText())
        .isEqualTo("int32");
    assertThat(
            schemas
                .at(
                    "/io.k8s.api.core.v1.ResourceRequirements/properties/limits/additionalProperties/$ref")
                .asText())
        .endsWith("io.k8s.apimachinery.pkg.api.resource.Quantity");
    assertThat(
            schemas
                .at(
                    "/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta/properties/creationTimestamp/allOf/0/$ref")
                .asText())
        .endsWith("io.k8s.apimachinery.pkg.apis.meta.v1.Time");
  }

  @Test
  void listsCarryThePatchStrategiesTheServerMergesBy() {
    JsonNode schemas = v3(Resources.DEPLOYMENTS).path("components").path("schemas");
    JsonNode containers = schemas.at("/io.k8s.api.core.v1.PodSpec/properties/containers");
    assertThat(containers.path("x-kubernetes-patch-strategy").asText()).isEqualTo("merge");
    assertThat(containers.path("x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
    assertThat(containers.path("x-kubernetes-list-type").asText()).isEqualTo("map");
    JsonNode ports = schemas.at("/io.k8s.api.core.v1.Container/properties/ports");
    assertThat(ports.path("x-kubernetes-patch-merge-key").asText()).isEqualTo("containerPort");
    JsonNode finalizers =
        schemas.at("/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta/properties/finalizers");
    assertThat(finalizers.path("x-kubernetes-list-type").asText()).isEqualTo("set");
    JsonNode servicePorts =
        v3(Resources.SERVICES)
            .at("/components/schemas/io.k8s.api.core.v1.ServiceSpec/properties/ports");
    assertThat(servicePorts.path("x-kubernetes-patch-merge-key").asText()).isEqualTo("port");
  }

  @Test
  void patchOperationsDeclareFieldValidationButNoStrategicMergePatch() {
    JsonNode paths = v3(Resources.DEPLOYMENTS).path("paths");
    JsonNode patch =
        paths.path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").path("patch");
    assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText())
        .isEqualTo("Deployment");
    assertThat(patch.path("parameters").toString()).contains("fieldValidation");
    assertThat(
            patch.path("requestBody").path("content").has("application/strategic-merge-patch+json"))
        .isFalse();
  }

  @Test
  void theV3IndexLinksEveryDocumentByItsHash() {
    JsonNode index = Json.tree(DOCS.v3Index().body()).path("paths");
    assertThat(index.path("api/v1").path("serverRelativeURL").asText())
        .isEqualTo("/openapi/v3/api/v1?hash=" + DOCS.v3("api/v1").hash());
    assertThat(index.has("apis/metrics.k8s.io/v1beta1")).isTrue();
    assertThat(index.has("apis/authorization.k8s.io/v1")).isTrue();
  }
}
