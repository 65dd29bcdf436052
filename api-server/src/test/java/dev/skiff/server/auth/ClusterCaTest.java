package dev.skiff.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCaTest {
  @TempDir Path dir;

  @Test
  void servingCertificatesChainToTheCaAndNameEveryHost() throws Exception {
    ClusterCa ca = ClusterCa.generate();
    ServingCertificate serving = ca.serving("skiff-api-server", List.of("10.0.0.1", "::1", "api"));
    List<X509Certificate> chain = certificates(serving.certificatePem());
    assertThat(chain).hasSize(2);
    X509Certificate root = certificates(ca.certificatePem()).get(0);
    assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(chain.get(0).getBasicConstraints()).isEqualTo(-1);
    PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    pkix.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(
            CertificateFactory.getInstance("X.509").generateCertPath(List.of(chain.get(0))), pkix);
    List<String> names = new ArrayList<>();
    for (List<?> san : chain.get(0).getSubjectAlternativeNames()) {
      names.add(san.get(1).toString());
    }
    assertThat(names).containsExactly("10.0.0.1", "0:0:0:0:0:0:0:1", "api");
  }

  @Test
  void anotherCaDoesNotValidateTheCertificate() throws Exception {
    ServingCertificate serving = ClusterCa.generate().serving("x", List.of("127.0.0.1"));
    X509Certificate other = certificates(ClusterCa.generate().certificatePem()).get(0);
    PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(other, null)));
    pkix.setRevocationEnabled(false);
    var path =
        CertificateFactory.getInstance("X.509")
            .generateCertPath(List.of(certificates(serving.certificatePem()).get(0)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CertPathValidator.getInstance("PKIX").validate(path, pkix))
        .isInstanceOf(java.security.cert.CertPathValidatorException.class);
  }

  @Test
  void keptInPrivateFilesAndLoadedAgainWithTheSameFingerprint() throws Exception {
    ClusterCa created = ClusterCa.loadOrCreate(dir);
    assertThat(ClusterCa.loadOrCreate(dir)).isEqualTo(created);
    assertThat(created.fingerprint()).matches("[0-9a-f]{64}");
    for (String file : List.of(ClusterCa.CERT_FILE, ClusterCa.KEY_FILE)) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
          .isEqualTo("rw-------");
    }
    assertThat(created.toString()).doesNotContain("PRIVATE");
  }

  private static List<X509Certificate> certificates(String pem) throws Exception {
    List<X509Certificate> out = new ArrayList<>();
    for (var c :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
      out.add((X509Certificate) c);
    }
    return out;
  }
}
