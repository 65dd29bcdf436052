package dev.skiff.cli.resource;

import dev.skiff.api.resource.ResourceType;
import dev.skiff.api.resource.Resources;
import java.util.ArrayList;
import java.util.List;

/**
 * The resource arguments of get, describe and delete, as kubectl reads them: {@code TYPE[,TYPE...]
 * [NAME...]} or {@code TYPE/NAME...}; {@code all} means every kind in the "all" category.
 */
public final class ResourceArgs {
  /** One kind, and one name or (name null) the whole collection. */
  public record Target(ResourceType type, String name) {}

  private ResourceArgs() {}

  public static List<Target> parse(List<String> args) {
    if (args.isEmpty()) {
      throw CliException.usage("you must specify the type of resource");
    }
    boolean slashed = args.stream().anyMatch(a -> a.contains("/"));
    List<Target> targets = new ArrayList<>();
    if (slashed) {
      for (String arg : args) {
        int slash = arg.indexOf('/');
        if (slash <= 0 || slash == arg.length() - 1) {
          throw CliException.usage(
              "there is no need to specify a resource type as a separate argument when passing"
                  + " arguments in resource/name form (e.g. 'skiff get resource/<resource_name>'"
                  + " instead of 'skiff get resource resource/<resource_name>'");
        }
        targets.add(new Target(type(arg.substring(0, slash)), arg.substring(slash + 1)));
      }
      return targets;
    }
    List<ResourceType> types = types(args.get(0));
    List<String> names = args.subList(1, args.size());
    for (ResourceType type : types) {
      if (names.isEmpty()) {
        targets.add(new Target(type, null));
      }
      names.forEach(n -> targets.add(new Target(type, n)));
    }
    return targets;
  }

  /** {@code pods,svc} or {@code all}. */
  public static List<ResourceType> types(String list) {
    List<ResourceType> types = new ArrayList<>();
    for (String name : list.split(",")) {
      if (name.equalsIgnoreCase("all")) {
        Resources.ALL.stream().filter(t -> t.categories().contains("all")).forEach(types::add);
      } else {
        types.add(type(name));
      }
    }
    return types;
  }

  /** One type by plural, singular, short name or kind; unknown names fail like kubectl. */
  public static ResourceType type(String name) {
    return Resources.byUserName(name)
        .orElseThrow(
            () -> CliException.failed("the server doesn't have a resource type \"" + name + "\""));
  }

  /** {@code deployment/web} (the kind given) or {@code web} with {@code defaultType}. */
  public static Target one(String arg, ResourceType defaultType) {
    int slash = arg.indexOf('/');
    if (slash < 0) {
      if (defaultType == null) {
        throw CliException.usage("expected TYPE/NAME, e.g. deployment/web, not \"" + arg + "\"");
      }
      return new Target(defaultType, arg);
    }
    if (slash == 0 || slash == arg.length() - 1) {
      throw CliException.usage("expected TYPE/NAME, e.g. deployment/web, not \"" + arg + "\"");
    }
    return new Target(type(arg.substring(0, slash)), arg.substring(slash + 1));
  }

  /**
   * The name in {@code NAME} or {@code TYPE/NAME} where only {@code type} fits (logs reads pods,
   * trace follows services); another type fails with {@code usage}.
   */
  public static String nameOf(String arg, ResourceType type, String usage) {
    Target target = one(arg, type);
    if (target.type() != type) {
      throw CliException.usage(usage);
    }
    return target.name();
  }
}
