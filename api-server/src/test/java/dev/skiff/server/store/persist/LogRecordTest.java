package dev.skiff.server.store.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogRecordTest {
  @Test
  void eachRecordTypeDecodesToWhatWasEncoded() {
    byte[] value = "{\"kind\":\"Pod\"}".getBytes(StandardCharsets.UTF_8);

    LogRecord put = roundTrip(LogRecord.put("pods/ns/ünï", value));
    LogRecord delete = roundTrip(LogRecord.delete("pods/ns/a"));
    LogRecord sequence = roundTrip(LogRecord.sequence(1L << 40));

    assertThat(put.type()).isEqualTo(LogRecord.PUT);
    assertThat(put.key()).isEqualTo("pods/ns/ünï");
    assertThat(put.value()).isEqualTo(value);
    assertThat(delete.type()).isEqualTo(LogRecord.DELETE);
    assertThat(delete.key()).isEqualTo("pods/ns/a");
    assertThat(sequence.sequence()).isEqualTo(1L << 40);
  }

  @Test
  void anEmptyValueAndAnEmptyKeyRoundTrip() {
    LogRecord put = roundTrip(LogRecord.put("", new byte[0]));

    assertThat(put.key()).isEmpty();
    assertThat(put.value()).isEmpty();
  }

  @Test
  void theHeaderCarriesTheBodyLengthAndItsChecksum() {
    ByteBuffer encoded = LogRecord.put("k", new byte[] {1, 2, 3}).encode();
    byte[] bytes = Arrays.copyOf(encoded.array(), encoded.remaining());
    int length = ByteBuffer.wrap(bytes).getInt(0);
    int crc = ByteBuffer.wrap(bytes).getInt(4);

    assertThat(length).isEqualTo(bytes.length - LogRecord.HEADER);
    assertThat(crc).isEqualTo(LogRecord.crc(bytes, LogRecord.HEADER, length));
  }

  @Test
  void bodiesThatAreNoRecordAreRefused() {
    assertThatThrownBy(() -> LogRecord.decode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogRecord.decode(new byte[] {'X', 1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogRecord.decode(new byte[] {'S', 1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogRecord.decode(new byte[] {'P', 0, 9, 'a'}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysLongerThanTheLengthFieldAreRefused() {
    String key = "k".repeat(70_000);

    assertThatThrownBy(() -> LogRecord.put(key, new byte[0]).encode())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static LogRecord roundTrip(LogRecord record) {
    ByteBuffer encoded = record.encode();
    byte[] body = new byte[encoded.remaining() - LogRecord.HEADER];
    encoded.position(LogRecord.HEADER).get(body);
    return LogRecord.decode(body);
  }
}
