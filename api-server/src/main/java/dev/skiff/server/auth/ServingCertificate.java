package dev.skiff.server.auth;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * A self-signed ECDSA P-256 serving certificate with subject alternative names (IPs and DNS names),
 * as PEM. kubectl trusts it through the kubeconfig's certificate-authority-data; it only sends
 * bearer tokens over TLS.
 *
 * @param certificatePem the certificate, "-----BEGIN CERTIFICATE-----"
 * @param privateKeyPem the PKCS#8 key, "-----BEGIN PRIVATE KEY-----"
 */
public record ServingCertificate(String certificatePem, String privateKeyPem) {
  private static final String SHA256_WITH_ECDSA = "1.2.840.10045.4.3.2";
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * @param hosts IP literals and DNS names the certificate is valid for
   */
  public static ServingCertificate generate(String commonName, List<String> hosts) {
    KeyPair keys = newKeyPair();
    byte[] name = name(commonName);
    return issue(
        name,
        keys,
        name,
        keys.getPrivate(),
        List.of(subjectAltNames(hosts), keyUsage(), serverAuth()));
  }

  /** A fresh ECDSA P-256 key pair. */
  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a key pair", e);
    }
  }

  /** The DER name {@code CN=commonName[, O=organization]}. */
  static byte[] name(String commonName, String... organizations) {
    List<byte[]> rdns = new java.util.ArrayList<>();
    for (String organization : organizations) {
      rdns.add(Der.set(Der.sequence(Der.oid("2.5.4.10"), Der.utf8(organization))));
    }
    rdns.add(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
    return Der.sequence(rdns.toArray(byte[][]::new));
  }

  /**
   * A certificate for {@code subject}'s key, signed by {@code issuerKey} under {@code issuerName},
   * valid from an hour ago for ten years, with these extensions.
   */
  static ServingCertificate issue(
      byte[] subject,
      KeyPair subjectKeys,
      byte[] issuerName,
      java.security.PrivateKey issuerKey,
      List<byte[]> extensions) {
    try {
      byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_ECDSA));
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      byte[] validity =
          Der.sequence(
              Der.utcTime(UTC_TIME.format(now.minus(1, ChronoUnit.HOURS))),
              Der.utcTime(UTC_TIME.format(now.plus(3650, ChronoUnit.DAYS))));
      byte[] tbs =
          Der.sequence(
              Der.explicit(0, Der.integer(BigInteger.TWO)),
              Der.integer(new BigInteger(64, new SecureRandom()).add(BigInteger.ONE)),
              algorithm,
              issuerName,
              validity,
              subject,
              subjectKeys.getPublic().getEncoded(),
              Der.explicit(3, Der.sequence(extensions.toArray(byte[][]::new))));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(issuerKey);
      signer.update(tbs);
      byte[] certificate = Der.sequence(tbs, algorithm, Der.bits(signer.sign()));
      return new ServingCertificate(
          pem("CERTIFICATE", certificate),
          pem("PRIVATE KEY", subjectKeys.getPrivate().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a certificate", e);
    }
  }

  static byte[] subjectAltNames(List<String> hosts) {
    byte[][] names = new byte[hosts.size()][];
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i);
      names[i] =
          isIpLiteral(host)
              ? Der.implicitPrimitive(7, address(host))
              : Der.implicitPrimitive(2, host.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    return Der.sequence(Der.oid("2.5.29.17"), Der.octets(Der.sequence(names)));
  }

  /** digitalSignature (bit 0), critical. */
  static byte[] keyUsage() {
    byte[] bits = Der.tlv(0x03, new byte[] {7, (byte) 0x80});
    return Der.sequence(Der.oid("2.5.29.15"), Der.bool(true), Der.octets(bits));
  }

  /** extKeyUsage serverAuth. */
  static byte[] serverAuth() {
    return Der.sequence(
        Der.oid("2.5.29.37"), Der.octets(Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1"))));
  }

  private static boolean isIpLiteral(String host) {
    return host.matches("[0-9.]+") || host.contains(":");
  }

  private static byte[] address(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + literal, e);
    }
  }

  static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
