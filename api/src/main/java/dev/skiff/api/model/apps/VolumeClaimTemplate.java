package dev.skiff.api.model.apps;

import dev.skiff.api.model.meta.Extensible;
import dev.skiff.api.model.meta.ObjectMeta;
import java.util.Map;

/**
 * An entry of a StatefulSet's volumeClaimTemplates: a v1 PersistentVolumeClaim (metadata, spec,
 * status). Kept as loose maps until the PersistentVolumeClaim kind is modelled; stored and returned
 * as written, not acted on.
 */
public class VolumeClaimTemplate extends Extensible {
  public String apiVersion;
  public String kind;
  public ObjectMeta metadata;
  public Map<String, Object> spec;
  public Map<String, Object> status;
}
