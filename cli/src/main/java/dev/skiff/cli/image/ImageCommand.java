package dev.skiff.cli.image;

import dev.skiff.agent.runtime.docker.DockerClient;
import dev.skiff.agent.runtime.docker.DockerException;
import dev.skiff.cli.ClusterGroupCommand;
import dev.skiff.cli.embedded.docker.BlockingDocker;
import dev.skiff.cli.output.TabWriter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code skiff image load|ls}: the images a cluster's nodes can run. */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = "Images on the cluster's nodes (Docker runtime).",
    subcommands = {ImageCommand.Load.class, ImageCommand.Ls.class},
    footer = {
      "",
      "Examples:",
      "  docker build -t app:1 . && skiff image load app:1   then use image: app:1 in pods",
      "  skiff image ls"
    })
public final class ImageCommand extends ClusterGroupCommand {
  /** crictl's table: minwidth 20, padding 3. */
  private static final TabWriter CRICTL = new TabWriter(20, 3);

  /**
   * Like {@code kind load docker-image}: makes images of this host's Docker engine (where {@code
   * docker build} put them) available to every node. Nodes that use this very engine have them
   * already; a node with an engine of its own gets a copy ({@link ImageTransfer}).
   */
  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = "Make local images available to every node of the cluster.")
  static final class Load implements Callable<Integer> {
    @ParentCommand ImageCommand parent;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Local images (NAME:TAG).")
    List<String> images;

    @Override
    public Integer call() {
      try {
        NodeEngines engines = NodeEngines.of(parent.home());
        String local = DockerClient.defaultSocket();
        for (String image : images) {
          load(local, engines, image);
        }
        return 0;
      } catch (IOException e) {
        System.err.println("ERROR: " + e.getMessage());
        return 1;
      }
    }

    private void load(String local, NodeEngines engines, String image) throws IOException {
      String id =
          BlockingDocker.await(
              vertx -> {
                DockerClient source = new DockerClient(vertx, local);
                return source
                    .get("/images/" + encode(image) + "/json")
                    .map(i -> i.getString("Id"))
                    .recover(
                        e ->
                            Future.failedFuture(
                                DockerException.isNotFound(e)
                                    ? new IOException(
                                        "image: \"" + image + "\" not present locally")
                                    : e))
                    .eventually(source::close);
              });
      for (NodeEngines.Engine engine : engines.engines()) {
        String nodes =
            engine.nodes().isEmpty() ? "all nodes" : "node(s) " + String.join(", ", engine.nodes());
        if (engine.socket().equals(local)) {
          System.out.println(
              "Image: \""
                  + image
                  + "\" with ID \""
                  + id
                  + "\" found to be already present on "
                  + nodes
                  + " (they run on this host's Docker engine: nothing to copy)");
          continue;
        }
        System.out.println(
            "Image: \""
                + image
                + "\" with ID \""
                + id
                + "\" not yet present on "
                + nodes
                + ", loading...");
        String said =
            BlockingDocker.await(
                vertx -> {
                  DockerClient from = new DockerClient(vertx, local);
                  DockerClient to = new DockerClient(vertx, engine.socket());
                  return ImageTransfer.copy(from, to, image)
                      .eventually(() -> Future.join(from.close(), to.close()));
                });
        System.out.println(said);
      }
    }
  }

  /** The images the nodes' engines hold, as {@code crictl images} lists them. */
  @Command(
      name = "ls",
      mixinStandardHelpOptions = true,
      description = "List the images the cluster's nodes can run.")
  static final class Ls implements Callable<Integer> {
    @ParentCommand ImageCommand parent;

    @Override
    public Integer call() {
      try {
        NodeEngines engines = NodeEngines.of(parent.home());
        for (NodeEngines.Engine engine : engines.engines()) {
          if (engines.engines().size() > 1) {
            System.out.println("# " + String.join(", ", engine.nodes()));
          }
          JsonArray list =
              BlockingDocker.await(
                  vertx -> {
                    DockerClient docker = new DockerClient(vertx, engine.socket());
                    return docker.getList("/images/json").eventually(docker::close);
                  });
          System.out.print(table(list));
        }
        return 0;
      } catch (IOException e) {
        System.err.println("ERROR: " + e.getMessage());
        return 1;
      }
    }
  }

  /** IMAGE, TAG, IMAGE ID (13 characters), SIZE: one row per tag, sorted. */
  static String table(JsonArray images) {
    List<String[]> rows = new ArrayList<>();
    for (Object o : images) {
      JsonObject image = (JsonObject) o;
      String id = image.getString("Id", "").replaceFirst("^sha256:", "");
      String shortId = id.length() > 13 ? id.substring(0, 13) : id;
      String size = humanSize(image.getLong("Size", 0L));
      JsonArray tags = image.getJsonArray("RepoTags", new JsonArray());
      if (tags.isEmpty() || (tags.size() == 1 && "<none>:<none>".equals(tags.getString(0)))) {
        rows.add(new String[] {"<none>", "<none>", shortId, size});
      }
      for (Object t : tags) {
        String tag = String.valueOf(t);
        if (tag.equals("<none>:<none>")) {
          continue;
        }
        int colon = tag.lastIndexOf(':');
        rows.add(new String[] {tag.substring(0, colon), tag.substring(colon + 1), shortId, size});
      }
    }
    rows.sort((a, b) -> (a[0] + ":" + a[1]).compareTo(b[0] + ":" + b[1]));
    StringBuilder text = new StringBuilder("IMAGE\tTAG\tIMAGE ID\tSIZE\n");
    rows.forEach(r -> text.append(String.join("\t", r)).append('\n'));
    return CRICTL.format(text.toString());
  }

  /** Docker's human size: powers of 1000, three significant digits ({@code 2.03MB}). */
  static String humanSize(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros();
    return rounded.toPlainString() + units[unit];
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
