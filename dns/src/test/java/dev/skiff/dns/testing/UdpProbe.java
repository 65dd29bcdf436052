package dev.skiff.dns.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The cheapest possible UDP client: one socket, blocking send and receive on the calling thread, so
 * that latency measurements see the server and not the client's thread hand-offs.
 */
public final class UdpProbe implements AutoCloseable {
  private final DatagramSocket socket;
  private final InetAddress server = InetAddress.getLoopbackAddress();
  private final int port;
  private final byte[] buffer = new byte[4096];

  public UdpProbe(int port) {
    this.port = port;
    try {
      socket = new DatagramSocket();
      socket.setSoTimeout(2000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The response code for an A query of the (absolute) name. */
  public int rcode(String name) {
    Message query =
        Message.newQuery(Record.newRecord(Name.fromConstantString(name), Type.A, DClass.IN));
    byte[] out = query.toWire();
    try {
      socket.send(new DatagramPacket(out, out.length, server, port));
      while (true) {
        DatagramPacket in = new DatagramPacket(buffer, buffer.length);
        socket.receive(in);
        Message response = new Message(java.util.Arrays.copyOf(buffer, in.getLength()));
        if (response.getHeader().getID() == query.getHeader().getID()) {
          return response.getRcode();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
