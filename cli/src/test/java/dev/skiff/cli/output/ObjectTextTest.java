package dev.skiff.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.Json;
import dev.skiff.api.resource.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** -o yaml|json|name as kubectl prints them (keys sorted, go-yaml quoting, 4-space JSON). */
class ObjectTextTest {
  static final ObjectNode POD =
      Json.tree(
          """
          {"kind":"Pod","apiVersion":"v1",
           "metadata":{"name":"web","resourceVersion":"12","creationTimestamp":"2026-11-26T12:21:45Z",
                       "labels":{"b":"true","a":"x"}},
           "spec":{"containers":[{"name":"web","image":"busybox","args":["sh","-c","echo 1"]}],
                   "volumes":[],"nodeSelector":{}}}
          """
              .getBytes());

  @Test
  void yamlSortsKeysAndQuotesWhatWouldReadBackAsAnotherType() {
    assertThat(ObjectText.yaml(POD))
        .isEqualTo(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              creationTimestamp: "2026-11-26T12:21:45Z"
              labels:
                a: x
                b: "true"
              name: web
              resourceVersion: "12"
            spec:
              containers:
              - args:
                - sh
                - -c
                - echo 1
                image: busybox
                name: web
              nodeSelector: {}
              volumes: []
            """);
  }

  @Test
  void jsonIsIndentedByFourSpacesWithSortedKeys() {
    ObjectNode small =
        Json.tree(
            "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"spec\":{\"volumes\":[],\"x\":{}}}"
                .getBytes());

    assertThat(ObjectText.json(small))
        .isEqualTo(
            """
            {
                "apiVersion": "v1",
                "kind": "Pod",
                "spec": {
                    "volumes": [],
                    "x": {}
                }
            }
            """);
  }

  @Test
  void severalObjectsPrintAsAV1List() {
    assertThat(ObjectText.yaml(ObjectText.list(List.of())))
        .isEqualTo("apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: \"\"\n");
  }

  @Test
  void namesAreKindSlashNameQualifiedByGroup() {
    assertThat(ObjectText.name(Resources.PODS, "web")).isEqualTo("pod/web");
    assertThat(ObjectText.name(Resources.DEPLOYMENTS, "web")).isEqualTo("deployment.apps/web");
    assertThat(ObjectText.name(Resources.ENDPOINTSLICES, "web-x"))
        .isEqualTo("endpointslice.discovery.k8s.io/web-x");
  }

  @Test
  void multiLineStringsUseLiteralBlocks() {
    ObjectNode cm = Json.mapper().createObjectNode().put("script", "line 1\nline 2\n");

    assertThat(ObjectText.yaml(cm)).isEqualTo("script: |\n  line 1\n  line 2\n");
  }
}
