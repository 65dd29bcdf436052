package dev.skiff.api.validation;

import dev.skiff.api.model.core.HostAlias;
import dev.skiff.api.model.core.PodSpec;
import dev.skiff.api.model.core.Toleration;
import dev.skiff.api.names.Names;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** ValidatePodSpec: containers, volumes, policies, scheduling fields. */
public final class PodSpecValidation {
  static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  static final List<String> DNS_POLICIES =
      List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");
  static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private PodSpecValidation() {}

  public static void validate(PodSpec spec, FieldPath path, ErrorList errs) {
    PodSpec s = spec == null ? new PodSpec() : spec;
    Set<String> volumes = VolumeValidation.validate(s.volumes, path.child("volumes"), errs);
    boolean hostNetwork = Boolean.TRUE.equals(s.hostNetwork);
    Set<String> names = new HashSet<>();
    ContainerValidation.validate(
        s.initContainers, true, hostNetwork, names, volumes, path.child("initContainers"), errs);
    if (s.containers == null || s.containers.isEmpty()) {
      errs.required(path.child("containers"), "");
    } else {
      ContainerValidation.validate(
          s.containers, false, hostNetwork, names, volumes, path.child("containers"), errs);
    }
    PortRules.oneOf(s.restartPolicy, RESTART_POLICIES, path.child("restartPolicy"), errs);
    PortRules.oneOf(s.dnsPolicy, DNS_POLICIES, path.child("dnsPolicy"), errs);
    if ("None".equals(s.dnsPolicy) && s.dnsConfig == null) {
      errs.required(path.child("dnsConfig"), "must provide `dnsConfig` when `dnsPolicy` is None");
    }
    ObjectMetaValidation.validateLabels(s.nodeSelector, path.child("nodeSelector"), errs);
    subdomain(s.serviceAccountName, path.child("serviceAccountName"), errs);
    subdomain(s.nodeName, path.child("nodeName"), errs);
    label(s.hostname, path.child("hostname"), errs);
    label(s.subdomain, path.child("subdomain"), errs);
    if (s.activeDeadlineSeconds != null
        && (s.activeDeadlineSeconds < 1 || s.activeDeadlineSeconds > Integer.MAX_VALUE)) {
      errs.invalid(
          path.child("activeDeadlineSeconds"),
          s.activeDeadlineSeconds,
          Names.inclusiveRangeError(1, Integer.MAX_VALUE));
    }
    tolerations(s.tolerations, path.child("tolerations"), errs);
    hostAliases(s.hostAliases, path.child("hostAliases"), errs);
  }

  static void tolerations(List<Toleration> tolerations, FieldPath path, ErrorList errs) {
    if (tolerations == null) {
      return;
    }
    for (int i = 0; i < tolerations.size(); i++) {
      Toleration t = tolerations.get(i);
      FieldPath p = path.index(i);
      String key = t.key == null ? "" : t.key;
      String op = t.operator == null ? "" : t.operator;
      String value = t.value == null ? "" : t.value;
      if (!key.isEmpty()) {
        PortRules.qualifiedName(key, p.child("key"), errs);
      } else if (!op.equals("Exists")) {
        errs.invalid(
            p.child("operator"),
            op,
            "operator must be Exists when `key` is empty, which means \"match all values and all"
                + " keys\"");
      }
      if (t.tolerationSeconds != null && !"NoExecute".equals(t.effect)) {
        errs.invalid(
            p.child("effect"),
            t.effect == null ? "" : t.effect,
            "effect must be 'NoExecute' when `tolerationSeconds` is set");
      }
      switch (op) {
        case "Equal", "" -> {
          List<String> msgs = Names.isValidLabelValue(value);
          if (!msgs.isEmpty()) {
            errs.invalid(p.child("operator"), value, String.join(";", msgs));
          }
        }
        case "Exists" -> {
          if (!value.isEmpty()) {
            errs.invalid(p.child("operator"), t, "value must be empty when `operator` is 'Exists'");
          }
        }
        default -> errs.notSupported(p.child("operator"), op, List.of("Equal", "Exists"));
      }
      if (t.effect != null && !t.effect.isEmpty() && !TAINT_EFFECTS.contains(t.effect)) {
        errs.notSupported(p.child("effect"), t.effect, TAINT_EFFECTS);
      }
    }
  }

  private static void hostAliases(List<HostAlias> aliases, FieldPath path, ErrorList errs) {
    if (aliases == null) {
      return;
    }
    for (int i = 0; i < aliases.size(); i++) {
      HostAlias a = aliases.get(i);
      String ip = a.ip == null ? "" : a.ip;
      errs.invalidEach(path.index(i).child("ip"), ip, Names.isValidIp(ip));
      if (a.hostnames != null) {
        for (int j = 0; j < a.hostnames.size(); j++) {
          String h = a.hostnames.get(j);
          errs.invalidEach(
              path.index(i).child("hostnames").index(j), h, Names.isDns1123Subdomain(h));
        }
      }
    }
  }

  private static void subdomain(String value, FieldPath path, ErrorList errs) {
    if (value != null && !value.isEmpty()) {
      errs.invalidEach(path, value, Names.isDns1123Subdomain(value));
    }
  }

  private static void label(String value, FieldPath path, ErrorList errs) {
    if (value != null && !value.isEmpty()) {
      PortRules.dns1123Label(value, path, errs);
    }
  }
}
