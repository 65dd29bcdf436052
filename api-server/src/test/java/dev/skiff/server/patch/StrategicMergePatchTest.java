package dev.skiff.server.patch;

import static dev.skiff.server.patch.Trees.object;
import static dev.skiff.server.patch.Trees.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.api.status.Reason;
import dev.skiff.api.status.StatusException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrategicMergePatchTest {
  static Stream<Arguments> merges() {
    return Stream.of(
        Arguments.of(
            "maps merge and null deletes",
            "Pod",
            "{'metadata':{'labels':{'a':'1','b':'2'}},'spec':{'nodeName':'n1'}}",
            "{'metadata':{'labels':{'b':null,'c':'3'}}}",
            "{'metadata':{'labels':{'a':'1','c':'3'}},'spec':{'nodeName':'n1'}}"),
        Arguments.of(
            "containers merge by name",
            "Pod",
            "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y','args':['1']}]}}",
            "{'spec':{'containers':[{'name':'b','image':'z'}]}}",
            "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'z','args':['1']}]}}"),
        Arguments.of(
            "an unknown container is appended",
            "Pod",
            "{'spec':{'containers':[{'name':'a'}]}}",
            "{'spec':{'containers':[{'name':'c','image':'i'}]}}",
            "{'spec':{'containers':[{'name':'a'},{'name':'c','image':'i'}]}}"),
        Arguments.of(
            "$patch delete removes a keyed element",
            "Pod",
            "{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'$patch':'delete','name':'a'}]}}",
            "{'spec':{'containers':[{'name':'b'}]}}"),
        Arguments.of(
            "deleting an absent keyed element changes nothing",
            "Pod",
            "{'spec':{'containers':[{'name':'a'}]}}",
            "{'spec':{'containers':[{'$patch':'delete','name':'zz'}]}}",
            "{'spec':{'containers':[{'name':'a'}]}}"),
        Arguments.of(
            "env merges by name and ports by numeric containerPort inside a container",
            "Pod",
            "{'spec':{'containers':[{'name':'a','env':[{'name':'E1','value':'1'},{'name':'E2','value':'2'}],"
                + "'ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':81}]}]}}",
            "{'spec':{'containers':[{'name':'a','env':[{'name':'E2','value':'two'},{'name':'E3','value':'3'}],"
                + "'ports':[{'containerPort':80,'name':'http'},{'$patch':'delete','containerPort':81}]}]}}",
            "{'spec':{'containers':[{'name':'a','env':[{'name':'E1','value':'1'},{'name':'E2','value':'two'},"
                + "{'name':'E3','value':'3'}],'ports':[{'containerPort':80,'protocol':'TCP','name':'http'}]}]}}"),
        Arguments.of(
            "volumeMounts merge by mountPath, volumes by name",
            "Pod",
            "{'spec':{'volumes':[{'name':'v','emptyDir':{}}],"
                + "'containers':[{'name':'a','volumeMounts':[{'mountPath':'/d','name':'v'}]}]}}",
            "{'spec':{'volumes':[{'name':'w','emptyDir':{}}],"
                + "'containers':[{'name':'a','volumeMounts':[{'mountPath':'/d','readOnly':true}]}]}}",
            "{'spec':{'volumes':[{'name':'v','emptyDir':{}},{'name':'w','emptyDir':{}}],"
                + "'containers':[{'name':'a','volumeMounts':[{'mountPath':'/d','name':'v','readOnly':true}]}]}}"),
        Arguments.of(
            "initContainers merge by name",
            "Pod",
            "{'spec':{'initContainers':[{'name':'i','image':'x'}]}}",
            "{'spec':{'initContainers':[{'name':'i','image':'y'}]}}",
            "{'spec':{'initContainers':[{'name':'i','image':'y'}]}}"),
        Arguments.of(
            "lists without a merge key are replaced",
            "Pod",
            "{'spec':{'containers':[{'name':'a','args':['1','2'],'command':['sh']}]}}",
            "{'spec':{'containers':[{'name':'a','args':['3']}]}}",
            "{'spec':{'containers':[{'name':'a','args':['3'],'command':['sh']}]}}"),
        Arguments.of(
            "EndpointSlice endpoints are replaced whole",
            "EndpointSlice",
            "{'endpoints':[{'addresses':['10.0.0.1']},{'addresses':['10.0.0.2']}]}",
            "{'endpoints':[{'addresses':['10.0.0.3']}]}",
            "{'endpoints':[{'addresses':['10.0.0.3']}]}"),
        Arguments.of(
            "Deployment containers merge by name under spec.template.spec",
            "Deployment",
            "{'spec':{'replicas':1,'template':{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'y'}]}}}}",
            "{'spec':{'replicas':1,'template':{'spec':{'containers':[{'name':'a','image':'y'},{'name':'b'}]}}}}"),
        Arguments.of(
            "ReplicaSet env merges by name under spec.template.spec",
            "ReplicaSet",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'1'}]}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','env':[{'name':'Y','value':'2'}]}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a','env':[{'name':'X','value':'1'},{'name':'Y','value':'2'}]}]}}}}"),
        Arguments.of(
            "Pod containers are not keyed under spec.template.spec",
            "Pod",
            "{'spec':{'template':{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'c'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'c'}]}}}}"),
        Arguments.of(
            "Service ports merge by port",
            "Service",
            "{'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443}]}}",
            "{'spec':{'ports':[{'port':80,'targetPort':9090},{'port':8443}]}}",
            "{'spec':{'ports':[{'port':80,'targetPort':9090},{'port':443},{'port':8443}]}}"),
        Arguments.of(
            "status conditions merge by type",
            "Pod",
            "{'status':{'conditions':[{'type':'Ready','status':'False'},{'type':'Scheduled','status':'True'}]}}",
            "{'status':{'conditions':[{'type':'Ready','status':'True'}]}}",
            "{'status':{'conditions':[{'type':'Ready','status':'True'},{'type':'Scheduled','status':'True'}]}}"),
        Arguments.of(
            "Deployment status conditions merge by type",
            "Deployment",
            "{'status':{'conditions':[{'type':'Available','status':'False'}]}}",
            "{'status':{'conditions':[{'type':'Progressing','status':'True'}]}}",
            "{'status':{'conditions':[{'type':'Available','status':'False'},{'type':'Progressing','status':'True'}]}}"),
        Arguments.of(
            "Node addresses merge by type",
            "Node",
            "{'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.1'},{'type':'Hostname','address':'n1'}]}}",
            "{'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.2'}]}}",
            "{'status':{'addresses':[{'type':'InternalIP','address':'10.0.0.2'},{'type':'Hostname','address':'n1'}]}}"),
        Arguments.of(
            "ServiceAccount secrets merge by name, imagePullSecrets are replaced",
            "ServiceAccount",
            "{'secrets':[{'name':'a'}],'imagePullSecrets':[{'name':'x'}]}",
            "{'secrets':[{'name':'b'}],'imagePullSecrets':[{'name':'y'}]}",
            "{'secrets':[{'name':'a'},{'name':'b'}],'imagePullSecrets':[{'name':'y'}]}"),
        Arguments.of(
            "Pod podIPs merge by ip",
            "Pod",
            "{'status':{'podIPs':[{'ip':'10.0.0.1'}]}}",
            "{'status':{'podIPs':[{'ip':'fd00::1'}]}}",
            "{'status':{'podIPs':[{'ip':'10.0.0.1'},{'ip':'fd00::1'}]}}"),
        Arguments.of(
            "ownerReferences merge by uid",
            "ReplicaSet",
            "{'metadata':{'ownerReferences':[{'uid':'u1','name':'d1','controller':true}]}}",
            "{'metadata':{'ownerReferences':[{'uid':'u1','blockOwnerDeletion':true},{'uid':'u2','name':'d2'}]}}",
            "{'metadata':{'ownerReferences':[{'uid':'u1','name':'d1','controller':true,'blockOwnerDeletion':true},"
                + "{'uid':'u2','name':'d2'}]}}"),
        Arguments.of(
            "finalizers merge as a set",
            "Namespace",
            "{'metadata':{'finalizers':['a','b']}}",
            "{'metadata':{'finalizers':['b','c']}}",
            "{'metadata':{'finalizers':['a','b','c']}}"),
        Arguments.of(
            "$deleteFromPrimitiveList removes finalizers",
            "Pod",
            "{'metadata':{'finalizers':['a','b','c']}}",
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a','c']}}",
            "{'metadata':{'finalizers':['b']}}"),
        Arguments.of(
            "$deleteFromPrimitiveList and additions in one patch",
            "Pod",
            "{'metadata':{'finalizers':['a','b']}}",
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':['a'],'finalizers':['d']}}",
            "{'metadata':{'finalizers':['b','d']}}"),
        Arguments.of(
            "$patch replace on a map replaces it",
            "Deployment",
            "{'spec':{'selector':{'matchLabels':{'a':'1'},'matchExpressions':[]}}}",
            "{'spec':{'selector':{'$patch':'replace','matchLabels':{'b':'2'}}}}",
            "{'spec':{'selector':{'matchLabels':{'b':'2'}}}}"),
        Arguments.of(
            "$patch replace on the root keeps only the patch",
            "Pod",
            "{'kind':'Pod','spec':{'nodeName':'n'}}",
            "{'$patch':'replace','kind':'Pod','metadata':{'name':'p'}}",
            "{'kind':'Pod','metadata':{'name':'p'}}"),
        Arguments.of(
            "$patch replace as a list element replaces a keyed list",
            "Pod",
            "{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b'}]}}",
            "{'spec':{'containers':[{'name':'c'},{'$patch':'replace'}]}}",
            "{'spec':{'containers':[{'name':'c'}]}}"),
        Arguments.of(
            "$patch replace in a keyed element replaces that element",
            "Pod",
            "{'spec':{'containers':[{'name':'a','image':'x','args':['1']},{'name':'b'}]}}",
            "{'spec':{'containers':[{'name':'a','$patch':'replace','image':'y'}]}}",
            "{'spec':{'containers':[{'name':'a','image':'y'},{'name':'b'}]}}"),
        Arguments.of(
            "$patch delete on a map removes it",
            "Pod",
            "{'spec':{'securityContext':{'runAsUser':1},'nodeName':'n'}}",
            "{'spec':{'securityContext':{'$patch':'delete'}}}",
            "{'spec':{'nodeName':'n'}}"),
        Arguments.of(
            "$patch delete as a lone list element removes the list",
            "Pod",
            "{'spec':{'containers':[{'name':'a'}],'nodeName':'n'}}",
            "{'spec':{'containers':[{'$patch':'delete'}]}}",
            "{'spec':{'nodeName':'n'}}"),
        Arguments.of(
            "$patch merge on a map and in a list is the default merge",
            "Pod",
            "{'metadata':{'labels':{'a':'1'}},'spec':{'containers':[{'name':'a'}]}}",
            "{'metadata':{'labels':{'$patch':'merge','b':'2'}},'spec':{'containers':[{'$patch':'merge'},{'name':'b'}]}}",
            "{'metadata':{'labels':{'a':'1','b':'2'}},'spec':{'containers':[{'name':'a'},{'name':'b'}]}}"),
        Arguments.of(
            "$retainKeys drops live keys it does not list",
            "Deployment",
            "{'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}}",
            "{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}",
            "{'spec':{'strategy':{'type':'Recreate'}}}"),
        Arguments.of(
            "$retainKeys on a volume switches its source",
            "Pod",
            "{'spec':{'volumes':[{'name':'v','emptyDir':{}}]}}",
            "{'spec':{'volumes':[{'$retainKeys':['name','hostPath'],'name':'v','hostPath':{'path':'/x'}}]}}",
            "{'spec':{'volumes':[{'name':'v','hostPath':{'path':'/x'}}]}}"),
        Arguments.of(
            "$setElementOrder orders a keyed list and is not stored",
            "Pod",
            "{'spec':{'containers':[{'name':'a'},{'name':'b'},{'name':'c'}]}}",
            "{'spec':{'$setElementOrder/containers':[{'name':'c'},{'name':'a'}]}}",
            "{'spec':{'containers':[{'name':'c'},{'name':'a'},{'name':'b'}]}}"),
        Arguments.of(
            "$setElementOrder orders a primitive list",
            "Pod",
            "{'metadata':{'finalizers':['a','b']}}",
            "{'metadata':{'$setElementOrder/finalizers':['c','b','a'],'finalizers':['c']}}",
            "{'metadata':{'finalizers':['c','b','a']}}"),
        Arguments.of(
            "$setElementOrder for an absent list is ignored",
            "Pod",
            "{'spec':{}}",
            "{'spec':{'$setElementOrder/containers':[{'name':'a'}]}}",
            "{'spec':{}}"),
        Arguments.of(
            "nulls inside new elements and maps are dropped",
            "Pod",
            "{'spec':{'containers':[{'name':'a'}]}}",
            "{'spec':{'containers':[{'name':'c','image':null,'resources':{'limits':null}}],'x':{'y':null}}}",
            "{'spec':{'containers':[{'name':'a'},{'name':'c','resources':{}}],'x':{}}}"),
        Arguments.of(
            "a keyed list absent from the live object is created",
            "Pod",
            "{'spec':{}}",
            "{'spec':{'containers':[{'name':'a','env':[{'name':'E','value':'1'},{'$patch':'delete','name':'F'}]}]}}",
            "{'spec':{'containers':[{'name':'a','env':[{'name':'E','value':'1'}]}]}}"),
        Arguments.of(
            "directives inside replaced lists are applied, not stored",
            "EndpointSlice",
            "{'endpoints':[]}",
            "{'endpoints':[{'$patch':'merge','addresses':['10.0.0.1'],'conditions':{'$retainKeys':['ready'],'ready':true}}]}",
            "{'endpoints':[{'addresses':['10.0.0.1'],'conditions':{'ready':true}}]}"),
        Arguments.of(
            "an object replaces a primitive and a primitive replaces an object",
            "Pod",
            "{'a':'text','b':{'c':1}}",
            "{'a':{'x':1},'b':2}",
            "{'a':{'x':1},'b':2}"),
        Arguments.of(
            "unknown kinds still merge metadata lists",
            null,
            "{'metadata':{'finalizers':['a']},'items':[1,2]}",
            "{'metadata':{'finalizers':['b']},'items':[3]}",
            "{'metadata':{'finalizers':['a','b']},'items':[3]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  void mergesAsKubernetesDoes(
      String name, String kind, String live, String patch, String expected) {
    ObjectNode result =
        StrategicMergePatch.apply(object(live), tree(patch), MergeKeys.forKind(kind));

    assertThat(result).isEqualTo(tree(expected));
    assertThat(Trees.hasDollarKey(result)).isFalse();
  }

  @Test
  void keepsKeyedListOrderAndAppliesTheKubectlApplyExample() {
    ObjectNode live =
        object(
            "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'api','namespace':'default',"
                + "'labels':{'app':'api','extra':'x'},'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'old'}},"
                + "'spec':{'replicas':2,'selector':{'matchLabels':{'app':'api'}},"
                + "'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':'25%'}},"
                + "'template':{'metadata':{'labels':{'app':'api'}},'spec':{'containers':["
                + "{'name':'a','image':'img','env':[{'name':'E1','value':'1'}],"
                + "'ports':[{'containerPort':80,'protocol':'TCP'},{'containerPort':81,'protocol':'TCP'}]},"
                + "{'name':'b','image':'img2'}]}}}}");
    // The PATCH body kubectl apply sent, verbatim from KUBECTL-API.md section 1.6.
    String body =
        "{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/last-applied-configuration\":\"new\"},"
            + "\"labels\":{\"extra\":null}},\"spec\":{\"strategy\":{\"$retainKeys\":[\"type\"],\"rollingUpdate\":null,"
            + "\"type\":\"Recreate\"},\"template\":{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"a\"}],"
            + "\"containers\":[{\"$setElementOrder/env\":[{\"name\":\"E2\"}],\"$setElementOrder/ports\":[{\"containerPort\":80}],"
            + "\"args\":[\"x\"],\"env\":[{\"name\":\"E2\",\"value\":\"2\"},{\"$patch\":\"delete\",\"name\":\"E1\"}],\"name\":\"a\","
            + "\"ports\":[{\"$patch\":\"delete\",\"containerPort\":81}]},{\"$patch\":\"delete\",\"name\":\"b\"}]}}}}";

    ObjectNode result =
        StrategicMergePatch.apply(
            live, PatchBodies.json(body.getBytes()), MergeKeys.forKind("Deployment"));

    assertThat(result)
        .isEqualTo(
            object(
                "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'api','namespace':'default',"
                    + "'labels':{'app':'api'},'annotations':{'kubectl.kubernetes.io/last-applied-configuration':'new'}},"
                    + "'spec':{'replicas':2,'selector':{'matchLabels':{'app':'api'}},'strategy':{'type':'Recreate'},"
                    + "'template':{'metadata':{'labels':{'app':'api'}},'spec':{'containers':["
                    + "{'name':'a','image':'img','env':[{'name':'E2','value':'2'}],"
                    + "'ports':[{'containerPort':80,'protocol':'TCP'}],'args':['x']}]}}}}"));
    assertThat(Trees.hasDollarKey(result)).isFalse();
  }

  @Test
  void leavesLiveObjectUntouched() {
    ObjectNode live =
        object("{'spec':{'containers':[{'name':'a','env':[{'name':'E'}]}],'x':{'y':1}}}");
    ObjectNode before = live.deepCopy();

    StrategicMergePatch.apply(
        live,
        tree(
            "{'spec':{'containers':[{'name':'a','env':[{'$patch':'delete','name':'E'}]}],'x':{'$patch':'replace'}}}"),
        MergeKeys.forKind("Pod"));

    assertThat(live).isEqualTo(before);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("not an object", "['a']"),
        Arguments.of("unknown $patch", "{'spec':{'$patch':'bogus'}}"),
        Arguments.of("$patch not a string", "{'spec':{'$patch':5}}"),
        Arguments.of(
            "unknown $patch as list element", "{'spec':{'containers':[{'$patch':'bogus'}]}}"),
        Arguments.of("$retainKeys not a list", "{'spec':{'strategy':{'$retainKeys':'type'}}}"),
        Arguments.of(
            "$retainKeys missing a patched key",
            "{'spec':{'strategy':{'$retainKeys':['type'],'rollingUpdate':{'maxSurge':1}}}}"),
        Arguments.of(
            "$setElementOrder not a list", "{'spec':{'$setElementOrder/containers':{'name':'a'}}}"),
        Arguments.of(
            "$deleteFromPrimitiveList not a list",
            "{'metadata':{'$deleteFromPrimitiveList/finalizers':'a'}}"),
        Arguments.of("misspelled directive", "{'spec':{'strategy':{'$retaunKeys':['type']}}}"),
        Arguments.of(
            "unknown directive in a list element",
            "{'spec':{'containers':[{'name':'a','$foo':1}]}}"),
        Arguments.of("keyed element not an object", "{'spec':{'containers':['a']}}"),
        Arguments.of("keyed element without its key", "{'spec':{'containers':[{'image':'x'}]}}"),
        Arguments.of("keyed element with a null key", "{'spec':{'containers':[{'name':null}]}}"),
        Arguments.of(
            "delete without the key", "{'spec':{'containers':[{'$patch':'delete','image':'x'}]}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void rejectsMalformedPatchWith400(String name, String patch) {
    StatusException e =
        catchThrowableOfType(
            StatusException.class,
            () ->
                StrategicMergePatch.apply(
                    object("{'spec':{'containers':[{'name':'a'}]}}"),
                    tree(patch),
                    MergeKeys.forKind("Pod")));

    assertThat(e.code()).isEqualTo(400);
    assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
  }
}
