package dev.skiff.api.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
  private static final String DNS1123_LABEL_ERROR =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  private static final String DNS1123_SUBDOMAIN_ERROR =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  @ParameterizedTest
  @ValueSource(strings = {"a", "0", "my-name", "123-abc", "a-b-c"})
  void acceptsDns1123Labels(String value) {
    assertThat(Names.isDns1123Label(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-a", "a-", "A", "a.b", "a_b", "ü"})
  void rejectsBadDns1123LabelsWithTheKubernetesMessage(String value) {
    assertThat(Names.isDns1123Label(value)).containsExactly(DNS1123_LABEL_ERROR);
  }

  @Test
  void dns1123LabelHasAMaximumLengthOf63() {
    assertThat(Names.isDns1123Label("a".repeat(63))).isEmpty();
    assertThat(Names.isDns1123Label("a".repeat(64)))
        .containsExactly("must be no more than 63 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "example.com", "web-1.default.svc", "1.2.3"})
  void acceptsDns1123Subdomains(String value) {
    assertThat(Names.isDns1123Subdomain(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".a", "a.", "a..b", "Web", "web_1", "a.-b"})
  void rejectsBadDns1123SubdomainsWithTheKubernetesMessage(String value) {
    assertThat(Names.isDns1123Subdomain(value)).containsExactly(DNS1123_SUBDOMAIN_ERROR);
  }

  @Test
  void dns1123SubdomainHasAMaximumLengthOf253() {
    String ok = ("a".repeat(62) + ".").repeat(4) + "a"; // 253
    assertThat(ok).hasSize(253);
    assertThat(Names.isDns1123Subdomain(ok)).isEmpty();
    assertThat(Names.isDns1123Subdomain(ok + "a"))
        .containsExactly("must be no more than 253 characters");
  }

  @Test
  void dns1035LabelMustStartWithALetter() {
    assertThat(Names.isDns1035Label("web")).isEmpty();
    assertThat(Names.isDns1035Label("1web"))
        .containsExactly(
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start"
                + " with an alphabetic character, and end with an alphanumeric character (e.g."
                + " 'my-name',  or 'abc-123', regex used for validation is"
                + " '[a-z]([-a-z0-9]*[a-z0-9])?')");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "app",
        "App_Name.v1",
        "kubernetes.io/service-name",
        "app.kubernetes.io/name",
        "a/b",
        "x1"
      })
  void acceptsQualifiedNames(String value) {
    assertThat(Names.isQualifiedName(value)).isEmpty();
  }

  @Test
  void qualifiedNameReportsEachPart() {
    String namePattern =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with"
            + " an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex"
            + " used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    assertThat(Names.isQualifiedName(""))
        .containsExactly("name part must be non-empty", "name part " + namePattern);
    assertThat(Names.isQualifiedName("/app")).containsExactly("prefix part must be non-empty");
    assertThat(Names.isQualifiedName("Example.com/app"))
        .containsExactly("prefix part " + DNS1123_SUBDOMAIN_ERROR);
    assertThat(Names.isQualifiedName("-app")).containsExactly("name part " + namePattern);
    assertThat(Names.isQualifiedName("a".repeat(64)))
        .containsExactly("name part must be no more than 63 characters");
    assertThat(Names.isQualifiedName("a/b/c"))
        .containsExactly(
            "a qualified name "
                + namePattern
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "web", "My_Value.1", "12345"})
  void acceptsLabelValues(String value) {
    assertThat(Names.isValidLabelValue(value)).isEmpty();
  }

  @Test
  void rejectsLabelValuesWithTheKubernetesMessage() {
    assertThat(Names.isValidLabelValue("-web"))
        .containsExactly(
            "a valid label must be an empty string or consist of alphanumeric characters, '-',"
                + " '_' or '.', and must start and end with an alphanumeric character (e.g."
                + " 'MyValue',  or 'my_value',  or '12345', regex used for validation is"
                + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    assertThat(Names.isValidLabelValue("a".repeat(64)))
        .containsExactly("must be no more than 63 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http", "web-8080", "a", "h2c"})
  void acceptsIanaServiceNames(String value) {
    assertThat(Names.isValidPortName(value)).isEmpty();
  }

  @Test
  void rejectsBadPortNamesWithEveryApplicableMessage() {
    assertThat(Names.isValidPortName("8080"))
        .containsExactly("must contain at least one letter (a-z)");
    assertThat(Names.isValidPortName("a--b"))
        .containsExactly("must not contain consecutive hyphens");
    assertThat(Names.isValidPortName("-http"))
        .containsExactly("must not begin or end with a hyphen");
    assertThat(Names.isValidPortName("HTTP"))
        .containsExactly(
            "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            "must contain at least one letter (a-z)");
    assertThat(Names.isValidPortName("abcdefghijklmnop"))
        .containsExactly("must be no more than 15 characters");
  }

  @ParameterizedTest
  @CsvSource({"1,true", "80,true", "65535,true", "0,false", "65536,false", "-1,false"})
  void portNumbersMustBeBetween1And65535(int port, boolean valid) {
    if (valid) {
      assertThat(Names.isValidPortNum(port)).isEmpty();
    } else {
      assertThat(Names.isValidPortNum(port))
          .containsExactly("must be between 1 and 65535, inclusive");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.9.8.7",
        "0.0.0.0",
        "255.255.255.255",
        "010.001.0.1",
        "0000.0.00.1",
        "::",
        "::1",
        "2001:db8::ffff",
        "fe80::1:2",
        "1:2:3:4:5:6:7:8",
        "::ffff:10.0.0.1",
        "1:2:3:4:5:6:1.2.3.4",
        "FE80:0:0:0:0:0:0:0abc"
      })
  void acceptsIpLiterals(String value) {
    assertThat(Names.isValidIp(value)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1.2.3",
        "1.2.3.4.5",
        "256.0.0.1",
        "1.2.3.0256",
        "1.2.3.-4",
        "a.b.c.d",
        "localhost",
        ":::",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1:2:3:4::5:6:7:8",
        "12345::",
        "fe80::1%eth0",
        "[::1]",
        "1.2.3.4::",
        "g::1"
      })
  void rejectsNonIpsWithTheKubernetesMessage(String value) {
    assertThat(Names.isValidIp(value))
        .containsExactly("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
  }
}
