package dev.skiff.api.defaults;

import static dev.skiff.api.defaults.PodDefaults.blank;

import dev.skiff.api.model.apps.DaemonSet;
import dev.skiff.api.model.apps.Deployment;
import dev.skiff.api.model.apps.DeploymentSpec;
import dev.skiff.api.model.apps.DeploymentStrategy;
import dev.skiff.api.model.apps.ReplicaSet;
import dev.skiff.api.model.apps.RollingUpdateDeployment;
import dev.skiff.api.model.apps.StatefulSet;
import dev.skiff.api.model.batch.CronJob;
import dev.skiff.api.model.batch.Job;
import dev.skiff.api.model.core.EndpointPort;
import dev.skiff.api.model.core.EndpointSubset;
import dev.skiff.api.model.core.Endpoints;
import dev.skiff.api.model.core.Namespace;
import dev.skiff.api.model.core.Node;
import dev.skiff.api.model.core.PersistentVolume;
import dev.skiff.api.model.core.PersistentVolumeClaim;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.PodTemplateSpec;
import dev.skiff.api.model.core.ReplicationController;
import dev.skiff.api.model.core.Secret;
import dev.skiff.api.model.core.Service;
import dev.skiff.api.model.discovery.EndpointSlice;
import dev.skiff.api.model.meta.IntOrString;
import dev.skiff.api.model.meta.KubeObject;
import dev.skiff.api.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The API server's defaulting, per kind, in place. {@link #apply} is what every decode of a request
 * body gets (create and update); {@link #applyOnCreate} adds what the real server sets only on
 * create (namespace finalizer, pod service account and default tolerations).
 */
public final class Defaults {
  private Defaults() {}

  public static void apply(KubeObject obj) {
    if (obj instanceof Pod pod) {
      PodDefaults.apply(pod);
    } else if (obj instanceof Service svc) {
      ServiceDefaults.apply(svc);
    } else if (obj instanceof Deployment d) {
      deployment(d);
    } else if (obj instanceof ReplicaSet rs) {
      if (rs.spec().replicas == null) {
        rs.spec.replicas = 1;
      }
      template(rs.spec.template);
    } else if (obj instanceof Namespace ns) {
      if (ns.status().phase == null || ns.status.phase.isEmpty()) {
        ns.status.phase = "Active";
      }
    } else if (obj instanceof Node node) {
      if (node.status != null && node.status.allocatable == null && node.status.capacity != null) {
        node.status.allocatable = new LinkedHashMap<>(node.status.capacity);
      }
    } else if (obj instanceof Endpoints ep) {
      endpoints(ep);
    } else if (obj instanceof EndpointSlice es) {
      endpointSlice(es);
    } else if (obj instanceof Secret secret) {
      SecretDefaults.apply(secret);
    } else if (obj instanceof Job job) {
      JobDefaults.apply(job);
    } else if (obj instanceof CronJob cronJob) {
      JobDefaults.apply(cronJob);
    } else if (obj instanceof PersistentVolumeClaim pvc) {
      StorageDefaults.apply(pvc);
    } else if (obj instanceof PersistentVolume pv) {
      StorageDefaults.apply(pv);
    } else if (obj instanceof StorageClass sc) {
      StorageDefaults.apply(sc);
    } else if (obj instanceof StatefulSet sts) {
      WorkloadDefaults.apply(sts);
    } else if (obj instanceof DaemonSet ds) {
      WorkloadDefaults.apply(ds);
    } else if (obj instanceof ReplicationController rc) {
      WorkloadDefaults.apply(rc);
    } else {
      RbacDefaults.apply(obj);
    }
  }

  public static void applyOnCreate(KubeObject obj) {
    apply(obj);
    if (obj instanceof Namespace ns) {
      if (ns.spec().finalizers == null) {
        ns.spec.finalizers = new ArrayList<>();
      }
      if (!ns.spec.finalizers.contains("kubernetes")) {
        ns.spec.finalizers.add("kubernetes");
      }
    } else if (obj instanceof Pod pod) {
      PodDefaults.applyOnCreate(pod);
    } else if (obj instanceof Job job) {
      JobDefaults.generateSelector(job);
    } else if (obj instanceof PersistentVolumeClaim || obj instanceof PersistentVolume) {
      StorageDefaults.protect(obj);
    }
  }

  private static void deployment(Deployment d) {
    DeploymentSpec s = d.spec();
    if (s.replicas == null) {
      s.replicas = 1;
    }
    if (s.strategy == null) {
      s.strategy = new DeploymentStrategy();
    }
    if (blank(s.strategy.type)) {
      s.strategy.type = "RollingUpdate";
    }
    if ("RollingUpdate".equals(s.strategy.type)) {
      if (s.strategy.rollingUpdate == null) {
        s.strategy.rollingUpdate = new RollingUpdateDeployment();
      }
      if (s.strategy.rollingUpdate.maxUnavailable == null) {
        s.strategy.rollingUpdate.maxUnavailable = IntOrString.of("25%");
      }
      if (s.strategy.rollingUpdate.maxSurge == null) {
        s.strategy.rollingUpdate.maxSurge = IntOrString.of("25%");
      }
    }
    if (s.revisionHistoryLimit == null) {
      s.revisionHistoryLimit = 10;
    }
    if (s.progressDeadlineSeconds == null) {
      s.progressDeadlineSeconds = 600;
    }
    template(s.template);
  }

  static void template(PodTemplateSpec t) {
    if (t != null && t.spec != null) {
      PodDefaults.applySpec(t.spec);
    }
  }

  private static void endpoints(Endpoints ep) {
    if (ep.subsets == null) {
      return;
    }
    for (EndpointSubset ss : ep.subsets) {
      if (ss.ports != null) {
        for (EndpointPort p : ss.ports) {
          if (blank(p.protocol)) {
            p.protocol = "TCP";
          }
        }
      }
    }
  }

  private static void endpointSlice(EndpointSlice es) {
    List<dev.skiff.api.model.discovery.EndpointPort> ports = es.ports;
    if (ports == null) {
      return;
    }
    for (var p : ports) {
      if (p.name == null) {
        p.name = "";
      }
      if (p.protocol == null) {
        p.protocol = "TCP";
      }
    }
  }
}
