package dev.skiff.server.auth;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
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
    KeyPair keys = newKeys();
    byte[] name = name(commonName);
    return build(
        name,
        keys,
        name,
        keys.getPrivate(),
        Der.sequence(subjectAltNames(hosts), keyUsage(), serverAuth()));
  }

  /**
   * A certificate authority (basicConstraints CA, keyCertSign) whose {@link #issue}d serving
   * certificates a client verifies by trusting this certificate alone.
   */
  public static ServingCertificate authority(String commonName) {
    KeyPair keys = newKeys();
    byte[] name = name(commonName);
    return build(name, keys, name, keys.getPrivate(), Der.sequence(caConstraints(), caKeyUsage()));
  }

  /**
   * A serving certificate for {@code hosts} signed by this certificate, which must be an {@link
   * #authority}.
   */
  public ServingCertificate issue(String commonName, List<String> hosts) {
    return sign(commonName, Der.sequence(subjectAltNames(hosts), keyUsage(), serverAuth()));
  }

  /**
   * A TLS client certificate for {@code commonName} (extKeyUsage clientAuth only, no names) signed
   * by this certificate, which must be an {@link #authority}: what API servers present to node
   * agents.
   */
  public ServingCertificate issueClient(String commonName) {
    return sign(commonName, Der.sequence(keyUsage(), clientAuth()));
  }

  private ServingCertificate sign(String commonName, byte[] extensions) {
    try {
      X509Certificate ca =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
      PrivateKey caKey =
          KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(privateKeyPem)));
      return build(
          name(commonName),
          newKeys(),
          ca.getSubjectX500Principal().getEncoded(),
          caKey,
          extensions);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue a certificate", e);
    }
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a key pair", e);
    }
  }

  private static byte[] name(String commonName) {
    return Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));
  }

  private static ServingCertificate build(
      byte[] subject, KeyPair keys, byte[] issuer, PrivateKey issuerKey, byte[] extensions) {
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
              issuer,
              validity,
              subject,
              keys.getPublic().getEncoded(),
              Der.explicit(3, extensions));
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(issuerKey);
      signer.update(tbs);
      byte[] certificate = Der.sequence(tbs, algorithm, Der.bits(signer.sign()));
      return new ServingCertificate(
          pem("CERTIFICATE", certificate), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a certificate", e);
    }
  }

  /** basicConstraints CA:true, critical. */
  private static byte[] caConstraints() {
    return Der.sequence(
        Der.oid("2.5.29.19"), Der.bool(true), Der.octets(Der.sequence(Der.bool(true))));
  }

  /** keyCertSign (bit 5) and cRLSign (bit 6), critical. */
  private static byte[] caKeyUsage() {
    byte[] bits = Der.tlv(0x03, new byte[] {1, (byte) 0x06});
    return Der.sequence(Der.oid("2.5.29.15"), Der.bool(true), Der.octets(bits));
  }

  private static byte[] subjectAltNames(List<String> hosts) {
    byte[][] names = new byte[hosts.size()][];
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i);
      names[i] =
          isIpLiteral(host)
              ? Der.implicitPrimitive(7, address(host))
              : Der.implicitPrimitive(2, host.getBytes(StandardCharsets.US_ASCII));
    }
    return Der.sequence(Der.oid("2.5.29.17"), Der.octets(Der.sequence(names)));
  }

  /** digitalSignature (bit 0), critical. */
  private static byte[] keyUsage() {
    byte[] bits = Der.tlv(0x03, new byte[] {7, (byte) 0x80});
    return Der.sequence(Der.oid("2.5.29.15"), Der.bool(true), Der.octets(bits));
  }

  /** extKeyUsage serverAuth. */
  private static byte[] serverAuth() {
    return Der.sequence(
        Der.oid("2.5.29.37"), Der.octets(Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1"))));
  }

  /** extKeyUsage clientAuth. */
  private static byte[] clientAuth() {
    return Der.sequence(
        Der.oid("2.5.29.37"), Der.octets(Der.sequence(Der.oid("1.3.6.1.5.5.7.3.2"))));
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

  private static byte[] der(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
