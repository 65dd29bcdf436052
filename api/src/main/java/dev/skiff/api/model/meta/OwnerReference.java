package dev.skiff.api.model.meta;

/** metav1.OwnerReference. */
public class OwnerReference extends Extensible {
  public String apiVersion;
  public String kind;
  public String name;
  public String uid;
  public Boolean controller;
  public Boolean blockOwnerDeletion;
}
