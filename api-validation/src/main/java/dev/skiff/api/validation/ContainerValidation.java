package dev.skiff.api.validation;

import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.ContainerPort;
import dev.skiff.api.model.core.VolumeMount;
import dev.skiff.api.names.Names;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** validateContainers / validateInitContainers: names, images, ports, env, probes, mounts. */
final class ContainerValidation {
  static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  static final List<String> TERMINATION_MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");

  private ContainerValidation() {}

  /**
   * @param names container names seen so far in this pod (init and regular share one namespace)
   * @param volumes the pod's volume names
   */
  static void validate(
      List<Container> containers,
      boolean init,
      boolean hostNetwork,
      Set<String> names,
      Set<String> volumes,
      FieldPath path,
      ErrorList errs) {
    if (containers == null) {
      return;
    }
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      FieldPath p = path.index(i);
      common(c, names, volumes, hostNetwork, p, errs);
      if (init) {
        initOnly(c, p, errs);
      } else {
        regularOnly(c, p, errs);
      }
    }
  }

  private static void common(
      Container c,
      Set<String> names,
      Set<String> volumes,
      boolean hostNetwork,
      FieldPath p,
      ErrorList errs) {
    if (c.name == null || c.name.isEmpty()) {
      errs.required(p.child("name"), "");
    } else {
      PortRules.dns1123Label(c.name, p.child("name"), errs);
      if (!names.add(c.name)) {
        errs.duplicate(p.child("name"), c.name);
      }
    }
    if (c.image == null || c.image.isEmpty()) {
      errs.required(p.child("image"), "");
    } else if (!c.image.strip().equals(c.image)) {
      errs.invalid(p.child("image"), c.image, "must not have leading or trailing whitespace");
    }
    ports(c.ports, hostNetwork, p.child("ports"), errs);
    EnvValidation.validate(c.env, p.child("env"), errs);
    mounts(c.volumeMounts, volumes, p.child("volumeMounts"), errs);
    PortRules.oneOf(c.imagePullPolicy, PULL_POLICIES, p.child("imagePullPolicy"), errs);
    PortRules.oneOf(
        c.terminationMessagePolicy,
        TERMINATION_MESSAGE_POLICIES,
        p.child("terminationMessagePolicy"),
        errs);
  }

  private static void regularOnly(Container c, FieldPath p, ErrorList errs) {
    if (c.restartPolicy != null) {
      errs.forbidden(p.child("restartPolicy"), "may not be set for non-init containers");
    }
    probes(c, p, errs);
  }

  private static void initOnly(Container c, FieldPath p, ErrorList errs) {
    if ("Always".equals(c.restartPolicy)) {
      probes(c, p, errs);
      return;
    }
    if (c.restartPolicy != null) {
      errs.notSupported(p.child("restartPolicy"), c.restartPolicy, List.of("Always"));
    }
    String why = "may not be set for init containers without restartPolicy=Always";
    if (c.lifecycle != null) {
      errs.forbidden(p.child("lifecycle"), why);
    }
    if (c.livenessProbe != null) {
      errs.forbidden(p.child("livenessProbe"), why);
    }
    if (c.readinessProbe != null) {
      errs.forbidden(p.child("readinessProbe"), why);
    }
    if (c.startupProbe != null) {
      errs.forbidden(p.child("startupProbe"), why);
    }
  }

  private static void probes(Container c, FieldPath p, ErrorList errs) {
    ProbeValidation.validate(c.livenessProbe, p.child("livenessProbe"), errs);
    ProbeValidation.successThresholdIsOne(c.livenessProbe, p.child("livenessProbe"), errs);
    ProbeValidation.validate(c.readinessProbe, p.child("readinessProbe"), errs);
    ProbeValidation.validate(c.startupProbe, p.child("startupProbe"), errs);
    ProbeValidation.successThresholdIsOne(c.startupProbe, p.child("startupProbe"), errs);
  }

  private static void ports(
      List<ContainerPort> ports, boolean hostNetwork, FieldPath path, ErrorList errs) {
    if (ports == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort port = ports.get(i);
      FieldPath p = path.index(i);
      if (port.name != null && !port.name.isEmpty()) {
        List<String> msgs = Names.isValidPortName(port.name);
        if (!msgs.isEmpty()) {
          errs.invalidEach(p.child("name"), port.name, msgs);
        } else if (!names.add(port.name)) {
          errs.duplicate(p.child("name"), port.name);
        }
      }
      if (port.containerPort == null || port.containerPort == 0) {
        errs.required(p.child("containerPort"), "");
      } else {
        PortRules.portNumber(port.containerPort, p.child("containerPort"), errs);
      }
      if (port.hostPort != null && port.hostPort != 0) {
        PortRules.portNumber(port.hostPort, p.child("hostPort"), errs);
        if (hostNetwork && !port.hostPort.equals(port.containerPort)) {
          errs.invalid(
              p.child("hostPort"),
              port.hostPort,
              "must match `containerPort` when `hostNetwork` is true");
        }
      }
      PortRules.protocol(port.protocol, p.child("protocol"), errs);
    }
  }

  private static void mounts(
      List<VolumeMount> mounts, Set<String> volumes, FieldPath path, ErrorList errs) {
    if (mounts == null) {
      return;
    }
    Set<String> mountPaths = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      VolumeMount m = mounts.get(i);
      FieldPath p = path.index(i);
      if (m.name == null || m.name.isEmpty()) {
        errs.required(p.child("name"), "");
      } else if (!volumes.contains(m.name)) {
        errs.notFound(p.child("name"), m.name);
      }
      if (m.mountPath == null || m.mountPath.isEmpty()) {
        errs.required(p.child("mountPath"), "");
      } else if (!mountPaths.add(m.mountPath)) {
        errs.invalid(p.child("mountPath"), m.mountPath, "must be unique");
      }
      if (m.subPath != null && !m.subPath.isEmpty()) {
        VolumeValidation.localDescendingPath(m.subPath, p.child("subPath"), errs);
      }
      if (m.subPathExpr != null && !m.subPathExpr.isEmpty()) {
        if (m.subPath != null && !m.subPath.isEmpty()) {
          errs.invalid(
              p.child("subPathExpr"),
              m.subPathExpr,
              "subPathExpr and subPath are mutually exclusive");
        }
        VolumeValidation.localDescendingPath(m.subPathExpr, p.child("subPathExpr"), errs);
      }
    }
  }
}
