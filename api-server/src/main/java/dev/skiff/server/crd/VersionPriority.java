package dev.skiff.server.crd;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes' version priority: GA versions (v2, v1) before betas before alphas, higher numbers
 * first, then versions of any other form alphabetically. Discovery lists versions in this order and
 * prefers the first.
 */
final class VersionPriority {
  private static final Pattern KUBE = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  static final Comparator<String> ORDER = VersionPriority::compare;

  private VersionPriority() {}

  private static int compare(String a, String b) {
    Matcher ma = KUBE.matcher(a);
    Matcher mb = KUBE.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (!ka || !kb) {
      return ka ? -1 : kb ? 1 : a.compareTo(b);
    }
    int ra = rank(ma.group(2));
    int rb = rank(mb.group(2));
    if (ra != rb) {
      return Integer.compare(rb, ra);
    }
    int major = Long.compare(Long.parseLong(mb.group(1)), Long.parseLong(ma.group(1)));
    if (major != 0 || ma.group(3) == null) {
      return major;
    }
    return Long.compare(Long.parseLong(mb.group(3)), Long.parseLong(ma.group(3)));
  }

  private static int rank(String stage) {
    return stage == null ? 2 : stage.equals("beta") ? 1 : 0;
  }
}
