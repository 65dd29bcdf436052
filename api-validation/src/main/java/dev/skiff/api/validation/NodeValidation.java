package dev.skiff.api.validation;

import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.NodeSpec;
import dev.skiff.api.model.core.Taint;
import dev.skiff.api.names.IpLiterals;
import dev.skiff.api.names.Names;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** ValidateNode / ValidateNodeUpdate: name, taints, pod CIDRs, providerID. */
public final class NodeValidation {
  private static final Pattern CIDR = Pattern.compile("([^/]+)/(\\d{1,3})");

  private NodeValidation() {}

  public static void validate(Node node, ErrorList errs) {
    ObjectMetaValidation.validate(
        node.metadata, false, NameRule.DNS1123_SUBDOMAIN, FieldPath.root("metadata"), errs);
    NodeSpec s = node.spec == null ? new NodeSpec() : node.spec;
    FieldPath spec = FieldPath.root("spec");
    taints(s.taints, spec.child("taints"), errs);
    if (s.podCIDRs != null) {
      for (int i = 0; i < s.podCIDRs.size(); i++) {
        String c = s.podCIDRs.get(i);
        if (!isCidr(c)) {
          errs.invalid(spec.child("podCIDRs").index(i), c, "must be a valid CIDR");
        }
      }
      if (s.podCIDRs.size() > 2) {
        errs.invalid(
            spec.child("podCIDRs"),
            s.podCIDRs,
            "may specify no more than one CIDR for each IP family");
      }
    }
  }

  public static void validateUpdate(Node node, Node old, ErrorList errs) {
    NodeSpec s = node.spec == null ? new NodeSpec() : node.spec;
    NodeSpec o = old.spec == null ? new NodeSpec() : old.spec;
    FieldPath spec = FieldPath.root("spec");
    if (!ServiceValidation.isEmpty(o.podCIDRs) && !Objects.equals(o.podCIDRs, s.podCIDRs)) {
      errs.forbidden(
          spec.child("podCIDRs"), "node updates may not change podCIDR except from \"\" to valid");
    }
    if (o.providerID != null && !o.providerID.isEmpty() && !o.providerID.equals(s.providerID)) {
      errs.forbidden(
          spec.child("providerID"),
          "node updates may not change providerID except from \"\" to valid");
    }
  }

  private static void taints(List<Taint> taints, FieldPath path, ErrorList errs) {
    if (taints == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < taints.size(); i++) {
      Taint t = taints.get(i);
      FieldPath p = path.index(i);
      String key = t.key == null ? "" : t.key;
      PortRules.qualifiedName(key, p.child("key"), errs);
      String value = t.value == null ? "" : t.value;
      errs.invalidEach(p.child("value"), value, Names.isValidLabelValue(value));
      if (t.effect == null || t.effect.isEmpty()) {
        errs.required(p.child("effect"), "");
      } else if (!PodSpecValidation.TAINT_EFFECTS.contains(t.effect)) {
        errs.notSupported(p.child("effect"), t.effect, PodSpecValidation.TAINT_EFFECTS);
      }
      if (!seen.add(key + "\u0000" + t.effect)) {
        errs.duplicate(p, t, "taints must be unique by key and effect pair");
      }
    }
  }

  static boolean isCidr(String c) {
    if (c == null) {
      return false;
    }
    var m = CIDR.matcher(c);
    if (!m.matches()) {
      return false;
    }
    int bits = Integer.parseInt(m.group(2));
    String ip = m.group(1);
    if (ip.contains(":")) {
      return IpLiterals.isIpv6(ip) && bits <= 128;
    }
    return IpLiterals.isIpv4(ip) && bits <= 32;
  }
}
