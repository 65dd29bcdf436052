package dev.skiff.server.store.persist;

import static dev.skiff.server.store.persist.PersistentReplica.object;
import static dev.skiff.server.store.persist.PersistentReplica.rv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.server.store.StoreKey;
import dev.skiff.testing.Await;
import java.nio.file.Path;

/**
 * The process {@link KilledStoreE2E} kills: a persistent replica on the directory given as the
 * argument that creates pods as fast as it can and prints {@code ACK name rv} for each write the
 * store acknowledged, until it is killed.
 */
public final class KilledStoreWriter {
  private KilledStoreWriter() {}

  public static void main(String[] args) {
    PersistentReplica replica = PersistentReplica.start(Path.of(args[0]), 1000);
    for (int i = 0; ; i++) {
      StoreKey key = new StoreKey("pods", "ns", "p" + i);
      ObjectNode created =
          Await.result(replica.store().create(key, object("Pod", "ns", key.name())));
      System.out.println("ACK " + key.name() + " " + rv(created));
      System.out.flush();
    }
  }
}
