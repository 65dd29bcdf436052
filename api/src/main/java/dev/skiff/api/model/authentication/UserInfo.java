package dev.skiff.api.model.authentication;

import dev.skiff.api.model.meta.Extensible;
import java.util.List;
import java.util.Map;

/** authentication/v1 UserInfo: who a request was made by. */
public class UserInfo extends Extensible {
  public String username;
  public String uid;
  public List<String> groups;
  public Map<String, List<String>> extra;
}
