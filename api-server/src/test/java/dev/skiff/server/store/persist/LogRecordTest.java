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
  void headAndTailEachNameTheRecord() {
    ByteBuffer encoded = LogRecord.put("pods/ns/a", new byte[] {1, 2, 3}).numbered(42).encode();
    byte[] bytes = Arrays.copyOf(encoded.array(), encoded.remaining());

    LogRecord.Frame head = LogRecord.head(bytes, 0, bytes.length);
    LogRecord.Frame tail = LogRecord.tail(bytes, 0, bytes.length);

    assertThat(head).isEqualTo(new LogRecord.Frame(LogRecord.PUT, 42, "pods/ns/a", bytes.length));
    assertThat(tail).isEqualTo(head);
  }

  @Test
  void anyFlippedByteFailsTheRecordButLeavesItsHeadOrItsTail() {
    ByteBuffer encoded = LogRecord.delete("pods/ns/a").numbered(7).encode();
    byte[] bytes = Arrays.copyOf(encoded.array(), encoded.remaining());

    for (int i = 0; i < bytes.length; i++) {
      byte[] damaged = bytes.clone();
      damaged[i] ^= 0x10;
      assertThatThrownBy(() -> LogRecord.decode(damaged, 0, damaged.length))
          .as("byte %d", i)
          .isInstanceOf(IllegalArgumentException.class);
      LogRecord.Frame head = LogRecord.head(damaged, 0, damaged.length);
      LogRecord.Frame named = head != null ? head : LogRecord.tail(damaged, 0, damaged.length);
      assertThat(named).as("byte %d", i).isNotNull();
      assertThat(named.key()).isEqualTo("pods/ns/a");
    }
  }

  @Test
  void bodiesThatAreNoRecordAreRefused() {
    assertThatThrownBy(() -> LogRecord.decodeV1(new byte[0], 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogRecord.decodeV1(new byte[] {'X', 1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogRecord.decodeV1(new byte[] {'S', 1, 2}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogRecord.decodeV1(new byte[] {'P', 0, 9, 'a'}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogRecord.decode(new byte[30], 0, 30))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysLongerThanTheLengthFieldAreRefused() {
    String key = "k".repeat(70_000);

    assertThatThrownBy(() -> LogRecord.put(key, new byte[0]).encode())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static LogRecord roundTrip(LogRecord record) {
    ByteBuffer encoded = record.numbered(3).encode();
    return LogRecord.decode(encoded.array(), 0, encoded.remaining());
  }
}
