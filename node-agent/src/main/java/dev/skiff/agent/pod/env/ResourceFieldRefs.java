package dev.skiff.agent.pod.env;

import dev.skiff.agent.runtime.RuntimeFailure;
import dev.skiff.api.model.core.Container;
import dev.skiff.api.model.core.Pod;
import dev.skiff.api.model.core.ResourceFieldSelector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The downward API for resources ({@code valueFrom.resourceFieldRef}), as the kubelet computes it:
 * {@code limits.*} and {@code requests.*} of cpu, memory and ephemeral-storage, divided by the
 * divisor (default 1) and rounded up; cpu in millicores before dividing. An unset limit is the
 * node's allocatable (defaultPodLimitsForDownwardAPI); an unset request is the limit when one is
 * set (the API server's defaulting), else 0.
 */
public final class ResourceFieldRefs {
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?[0-9.]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E))?");
  private static final String BINARY = "KiMiGiTiPiEi";
  private static final String DECIMAL = "kMGTPE";

  private ResourceFieldRefs() {}

  public static String resolve(
      Pod pod, Container current, ResourceFieldSelector ref, Map<String, String> allocatable) {
    Container c = current;
    if (ref.containerName != null && !ref.containerName.isEmpty()) {
      c =
          pod.spec().containers.stream()
              .filter(x -> ref.containerName.equals(x.name))
              .findFirst()
              .orElse(null);
      if (c == null) {
        throw failure("container " + ref.containerName + " not found");
      }
    }
    String resource = ref.resource == null ? "" : ref.resource;
    int dot = resource.indexOf('.');
    String kind = dot < 0 ? "" : resource.substring(0, dot);
    String name = resource.substring(dot + 1);
    if (!(kind.equals("limits") || kind.equals("requests"))
        || !(name.equals("cpu") || name.equals("memory") || name.equals("ephemeral-storage"))) {
      throw failure("unsupported container resource : " + resource);
    }
    Map<String, String> limits = c.resources == null ? null : c.resources.limits;
    Map<String, String> requests = c.resources == null ? null : c.resources.requests;
    String limit = limits == null ? null : limits.get(name);
    String value;
    if (kind.equals("limits")) {
      value = limit != null ? limit : allocatable.getOrDefault(name, "0");
    } else {
      String request = requests == null ? null : requests.get(name);
      value = request != null ? request : limit != null ? limit : "0";
    }
    BigDecimal divisor =
        parse(ref.divisor == null || ref.divisor.isEmpty() ? "1" : ref.divisor, resource);
    BigDecimal amount = parse(value, resource);
    if (name.equals("cpu")) {
      amount = amount.movePointRight(3).setScale(0, RoundingMode.UP);
      divisor = divisor.movePointRight(3).setScale(0, RoundingMode.UP);
    }
    if (divisor.signum() == 0) {
      throw failure("divisor of " + resource + " is zero");
    }
    return amount.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
  }

  /** A resource.Quantity's value. */
  static BigDecimal parse(String text, String resource) {
    Matcher m = QUANTITY.matcher(text.trim());
    if (!m.matches()) {
      throw failure("invalid quantity " + text + " of " + resource);
    }
    try {
      BigDecimal number = new BigDecimal(m.group(1));
      if (m.group(2) != null) {
        return number.scaleByPowerOfTen(Integer.parseInt(m.group(2).substring(1)));
      }
      String suffix = m.group(3);
      if (suffix == null) {
        return number;
      }
      if (suffix.equals("m")) {
        return number.movePointLeft(3);
      }
      if (suffix.length() == 2) {
        int power = BINARY.indexOf(suffix) / 2 + 1;
        return number.multiply(BigDecimal.valueOf(2).pow(10 * power));
      }
      return number.scaleByPowerOfTen(3 * (DECIMAL.indexOf(suffix) + 1));
    } catch (NumberFormatException e) {
      throw failure("invalid quantity " + text + " of " + resource);
    }
  }

  private static RuntimeFailure failure(String message) {
    return new RuntimeFailure(ContainerEnv.CONFIG_ERROR, message);
  }
}
