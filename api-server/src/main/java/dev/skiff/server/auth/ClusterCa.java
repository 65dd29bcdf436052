package dev.skiff.server.auth;

import dev.skiff.api.files.PrivateFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;

/**
 * A cluster's certificate authority (ECDSA P-256, ten years): it signs every API server replica's
 * serving certificate, so clients trust the one CA (the kubeconfig's certificate-authority-data)
 * and verify whichever replica they reach. Joining machines pin it by its {@link #fingerprint()},
 * which the join token carries. The key never leaves the servers.
 *
 * @param certificatePem the CA certificate
 * @param privateKeyPem its PKCS#8 key
 */
public record ClusterCa(String certificatePem, String privateKeyPem) {
  /** The files a server keeps its CA in (both 0600). */
  public static final String CERT_FILE = "ca.crt";

  public static final String KEY_FILE = "ca.key";

  /** A new CA named {@code skiff-ca@SECONDS}, as kubeadm and k3s name theirs. */
  public static ClusterCa generate() {
    ServingCertificate self =
        ServingCertificate.authority("skiff-ca@" + System.currentTimeMillis() / 1000);
    return new ClusterCa(self.certificatePem(), self.privateKeyPem());
  }

  /** The CA kept in {@code dir}, created and saved first if there is none. Blocking. */
  public static ClusterCa loadOrCreate(Path dir) throws IOException {
    Path cert = dir.resolve(CERT_FILE);
    Path key = dir.resolve(KEY_FILE);
    if (Files.exists(cert) && Files.exists(key)) {
      return new ClusterCa(Files.readString(cert), Files.readString(key));
    }
    ClusterCa created = generate();
    created.save(dir);
    return created;
  }

  /** Writes both files, readable by the owner only. Blocking. */
  public void save(Path dir) throws IOException {
    PrivateFiles.createDirectories(dir);
    PrivateFiles.writeString(dir.resolve(KEY_FILE), privateKeyPem);
    PrivateFiles.writeString(dir.resolve(CERT_FILE), certificatePem);
  }

  /**
   * A serving certificate for {@code hosts} (IP literals and DNS names) signed by this CA; its PEM
   * holds the certificate followed by the CA's, the chain a TLS server sends.
   */
  public ServingCertificate serving(String commonName, List<String> hosts) {
    ServingCertificate leaf =
        new ServingCertificate(certificatePem, privateKeyPem).issue(commonName, hosts);
    return new ServingCertificate(leaf.certificatePem() + certificatePem, leaf.privateKeyPem());
  }

  /** SHA-256 of the CA certificate's DER, lower-case hex: what a join token pins. */
  public String fingerprint() {
    return fingerprint(certificatePem);
  }

  /** SHA-256 of the first certificate in {@code pem}, lower-case hex. */
  public static String fingerprint(String pem) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate(pem).getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a certificate", e);
    }
  }

  private static X509Certificate certificate(String pem) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a PEM certificate", e);
    }
  }

  @Override
  public String toString() {
    return "ClusterCa[" + fingerprint() + ", key=(hidden)]";
  }
}
