package dev.skiff.dns.forward;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Address;

/** The {@code nameserver} lines of a resolv.conf file: the default upstreams. Blocking I/O. */
public final class ResolvConf {
  public static final Path DEFAULT = Path.of("/etc/resolv.conf");
  private static final int DNS_PORT = 53;

  private ResolvConf() {}

  /** The name servers listed in the file, in order; empty when it is missing or lists none. */
  public static List<InetSocketAddress> nameservers(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
    return parse(lines);
  }

  static List<InetSocketAddress> parse(List<String> lines) {
    List<InetSocketAddress> servers = new ArrayList<>();
    for (String line : lines) {
      String[] words = line.trim().split("\\s+");
      if (words.length >= 2 && words[0].equals("nameserver")) {
        InetAddress address = literal(words[1]);
        if (address != null) {
          servers.add(new InetSocketAddress(address, DNS_PORT));
        }
      }
    }
    return List.copyOf(servers);
  }

  private static InetAddress literal(String text) {
    String plain = text.contains("%") ? text.substring(0, text.indexOf('%')) : text;
    byte[] bytes = Address.toByteArray(plain, Address.IPv4);
    if (bytes == null) {
      bytes = Address.toByteArray(plain, Address.IPv6);
    }
    try {
      return bytes == null ? null : InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
