package dev.skiff.api.model.authorization;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** authorization/v1 SubjectAccessReviewSpec: may this user (and groups) perform one action? */
public class SubjectAccessReviewSpec extends Extensible {
  public ResourceAttributes resourceAttributes;
  public NonResourceAttributes nonResourceAttributes;
  public String user;
  public List<String> groups;
  public Map<String, List<String>> extra;
  public String uid;
}
