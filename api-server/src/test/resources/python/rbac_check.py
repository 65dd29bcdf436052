"""The official Python client against a Skiff api-server with RBAC: it reads the RBAC kinds into its
typed models (which check required fields), answers a SubjectAccessReview, and reads a 403 Status
body whose every field must be Kubernetes' own.

Usage: python3 rbac_check.py KUBECONFIG NAMESPACE SA_TOKEN; prints OK and exits 0 when all hold.
The token is a ServiceAccount's (NAMESPACE/none) that nothing is bound to."""
import json
import sys

from kubernetes import client, config
from kubernetes.client.rest import ApiException


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main(kubeconfig, ns, token):
    config.load_kube_config(config_file=kubeconfig)
    rbac = client.RbacAuthorizationV1Api()

    names = [r.metadata.name for r in rbac.list_cluster_role().items]
    for name in ["cluster-admin", "admin", "edit", "view", "system:basic-user"]:
        check(name in names, "clusterrole %s missing: %s" % (name, names))
    view = rbac.read_cluster_role("view")
    check(view.aggregation_rule.cluster_role_selectors[0].match_labels
          == {"rbac.authorization.k8s.io/aggregate-to-view": "true"}, "view selectors")
    check(any("pods" in (r.resources or []) for r in view.rules), "view rules: %s" % view.rules)
    admin_binding = rbac.read_cluster_role_binding("cluster-admin")
    check(admin_binding.role_ref.name == "cluster-admin", "roleRef %s" % admin_binding.role_ref)
    check(admin_binding.subjects[0].name == "system:masters", "subjects %s" % admin_binding.subjects)

    role = client.V1Role(
        metadata=client.V1ObjectMeta(name="py-reader"),
        rules=[client.V1PolicyRule(api_groups=[""], resources=["pods"], verbs=["get", "list"])])
    rbac.create_namespaced_role(ns, role)
    binding = client.V1RoleBinding(
        metadata=client.V1ObjectMeta(name="py-reader"),
        role_ref=client.V1RoleRef(api_group="rbac.authorization.k8s.io", kind="Role", name="py-reader"),
        subjects=[client.V1Subject(kind="User", name="py-user")])
    created = rbac.create_namespaced_role_binding(ns, binding)
    check(created.subjects[0].api_group == "rbac.authorization.k8s.io", "defaulted apiGroup")
    check([b.metadata.name for b in rbac.list_namespaced_role_binding(ns).items].count("py-reader") == 1,
          "rolebinding list")

    review = client.V1SubjectAccessReview(spec=client.V1SubjectAccessReviewSpec(
        user="py-user",
        resource_attributes=client.V1ResourceAttributes(namespace=ns, verb="list", resource="pods")))
    answer = client.AuthorizationV1Api().create_subject_access_review(review)
    check(answer.status.allowed is True, "SAR allowed: %s" % answer.status)
    check(answer.status.reason.startswith("RBAC: allowed by RoleBinding \"py-reader/%s\"" % ns),
          "SAR reason: %s" % answer.status.reason)
    review.spec.resource_attributes.verb = "delete"
    check(client.AuthorizationV1Api().create_subject_access_review(review).status.allowed is False,
          "SAR delete")

    configuration = client.Configuration.get_default_copy()
    configuration.api_key = {"authorization": "Bearer " + token}
    configuration.refresh_api_key_hook = None
    forbidden_api = client.CoreV1Api(client.ApiClient(configuration))
    try:
        forbidden_api.list_namespaced_pod(ns)
        check(False, "no 403")
    except ApiException as e:
        check(e.status == 403, "status %s" % e.status)
        check(e.body.endswith("\n"), "error body without a final newline: %r" % e.body)
        status = json.loads(e.body)
        expected = {
            "kind": "Status",
            "apiVersion": "v1",
            "metadata": {},
            "status": "Failure",
            "message": "pods is forbidden: User \"system:serviceaccount:%s:none\" cannot list resource"
                       " \"pods\" in API group \"\" in the namespace \"%s\"" % (ns, ns),
            "reason": "Forbidden",
            "details": {"kind": "pods"},
            "code": 403,
        }
        check(status == expected, "403 body: %s" % status)

    rbac.delete_namespaced_role_binding("py-reader", ns)
    rbac.delete_namespaced_role("py-reader", ns)
    print("OK")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
