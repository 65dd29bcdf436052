"""The official Python client against a Skiff api-server: ConfigMaps, Secrets, ServiceAccounts,
a pod whose container never started, and error bodies. The client deserializes every response into
its typed models and checks required fields, so it fails where Skiff's JSON differs from Go's.

Usage: python3 config_kinds_check.py KUBECONFIG NAMESPACE; prints OK and exits 0 when all hold."""
import base64
import json
import sys

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main(kubeconfig, ns):
    config.load_kube_config(config_file=kubeconfig)
    v1 = client.CoreV1Api()
    v1.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=ns)))

    meta = client.V1ObjectMeta(name="app", labels={"app": "web"}, annotations={})
    v1.create_namespaced_config_map(ns, client.V1ConfigMap(metadata=meta, data={"a": "b"}))
    cm = v1.read_namespaced_config_map("app", ns)
    check(cm.data == {"a": "b"}, "configmap data: %s" % cm.data)
    check(cm.metadata.annotations is None, "empty annotations came back: %s" % cm.metadata.annotations)
    items = v1.list_namespaced_config_map(ns, label_selector="app=web").items
    check([c.metadata.name for c in items] == ["app"], "configmap list: %s" % items)

    secret = client.V1Secret(metadata=client.V1ObjectMeta(name="db"), string_data={"password": "pw"})
    v1.create_namespaced_secret(ns, secret)
    stored = v1.read_namespaced_secret("db", ns)
    check(stored.type == "Opaque", "secret type: %s" % stored.type)
    check(stored.string_data is None, "stringData came back")
    check(base64.b64decode(stored.data["password"]) == b"pw", "secret data: %s" % stored.data)

    v1.create_namespaced_service_account(ns, client.V1ServiceAccount(metadata=client.V1ObjectMeta(name="builder")))
    check([s.metadata.name for s in v1.list_namespaced_service_account(ns).items] == ["builder"], "sa list")

    events = [e["type"] for e in watch.Watch().stream(v1.list_namespaced_config_map, ns, timeout_seconds=1)]
    check(events == ["ADDED"], "watch events: %s" % events)

    pod = client.V1Pod(
        metadata=client.V1ObjectMeta(name="waiting"),
        spec=client.V1PodSpec(containers=[client.V1Container(name="main", image="busybox")]))
    v1.create_namespaced_pod(ns, pod)
    waiting = {"status": {"containerStatuses": [{
        "name": "main", "image": "busybox", "ready": False, "restartCount": 0,
        "state": {"waiting": {"reason": "ContainerCreating"}}}]}}
    v1.api_client.call_api(
        "/api/v1/namespaces/{ns}/pods/waiting/status", "PATCH", path_params={"ns": ns},
        header_params={"Content-Type": "application/merge-patch+json", "Accept": "application/json"},
        body=waiting, auth_settings=["BearerToken"], _return_http_data_only=True)
    read = v1.read_namespaced_pod("waiting", ns)
    check(read.status.container_statuses[0].image_id == "", "imageID: %s" % read.status.container_statuses)
    check(len(v1.list_namespaced_pod(ns).items) == 1, "pod list")

    try:
        v1.read_namespaced_config_map("nosuch", ns)
        check(False, "no 404")
    except ApiException as e:
        check(e.status == 404, "status %s" % e.status)
        check(e.body.endswith("\n"), "error body without a final newline: %r" % e.body)
        details = json.loads(e.body)["details"]
        check("group" not in details, "core group in details: %s" % details)

    v1.delete_namespaced_config_map("app", ns)
    v1.delete_namespaced_secret("db", ns)
    v1.delete_namespaced_service_account("builder", ns)
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
