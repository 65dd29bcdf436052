package dev.skiff.server.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WireReaderTest {

  @Test
  void readsOneAndMultiByteVarints() {
    WireReader in = new WireReader(new byte[] {0, 1, 0x7F, (byte) 0x80, 1, (byte) 0xAC, 2});
    assertThat(in.readVarint()).isZero();
    assertThat(in.readVarint()).isEqualTo(1);
    assertThat(in.readVarint()).isEqualTo(127);
    assertThat(in.readVarint()).isEqualTo(128);
    assertThat(in.readVarint()).isEqualTo(300);
    assertThat(in.hasMore()).isFalse();
  }

  @Test
  void negativeNumbersTakeTenBytesAndReadBack() {
    byte[] bytes = ProtoWriter.message().rawVarint(-1L).rawVarint(Long.MIN_VALUE).toBytes();
    assertThat(bytes).hasSize(20);
    WireReader in = new WireReader(bytes);
    assertThat((int) in.readVarint()).isEqualTo(-1);
    assertThat(in.readVarint()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void randomVarintsRoundTrip() {
    Random random = new Random(42);
    long[] values = new long[10_000];
    ProtoWriter writer = ProtoWriter.message();
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextLong() >>> random.nextInt(64);
      writer.rawVarint(values[i]);
    }
    WireReader in = new WireReader(writer.toBytes());
    for (long value : values) {
      assertThat(in.readVarint()).isEqualTo(value);
    }
    assertThat(in.hasMore()).isFalse();
  }

  @Test
  void readsLittleEndianFixedValues() {
    byte[] bytes =
        ProtoWriter.message().fixed32(1, 0x12345678).fixed64(2, 0x0102030405060708L).toBytes();
    WireReader in = new WireReader(bytes);
    assertThat(WireReader.wireType(in.readTag())).isEqualTo(WireReader.FIXED32);
    assertThat(in.readFixed32()).isEqualTo(0x12345678);
    assertThat(WireReader.wireType(in.readTag())).isEqualTo(WireReader.FIXED64);
    assertThat(in.readFixed64()).isEqualTo(0x0102030405060708L);
  }

  @Test
  void tagsCarryFieldNumberAndWireType() {
    WireReader in = new WireReader(ProtoWriter.message().string(300, "x").toBytes());
    int tag = in.readTag();
    assertThat(WireReader.fieldNumber(tag)).isEqualTo(300);
    assertThat(WireReader.wireType(tag)).isEqualTo(WireReader.LENGTH_DELIMITED);
    assertThat(in.readString()).isEqualTo("x");
  }

  @Test
  void skipsValuesOfEveryWireType() {
    byte[] bytes =
        ProtoWriter.message()
            .varint(1, 1L << 40)
            .fixed64(2, 7)
            .string(3, "skipped")
            .fixed32(4, 9)
            .varint(5, 5)
            .toBytes();
    WireReader in = new WireReader(bytes);
    for (int i = 0; i < 4; i++) {
      in.skip(WireReader.wireType(in.readTag()));
    }
    assertThat(WireReader.fieldNumber(in.readTag())).isEqualTo(5);
    assertThat(in.readVarint()).isEqualTo(5);
  }

  @Test
  void slicesAreBoundedToTheirLength() {
    byte[] bytes = ProtoWriter.message().string(1, "ab").varint(2, 3).toBytes();
    WireReader in = new WireReader(bytes);
    in.readTag();
    WireReader slice = in.readSlice();
    assertThat(slice.readVarint()).isEqualTo('a');
    assertThat(slice.readVarint()).isEqualTo('b');
    assertThat(slice.hasMore()).isFalse();
    assertThatThrownBy(slice::readVarint).isInstanceOf(MalformedProtobufException.class);
    assertThat(WireReader.fieldNumber(in.readTag())).isEqualTo(2);
  }

  @Test
  void truncatedVarintIsMalformed() {
    WireReader in = new WireReader(new byte[] {(byte) 0x80, (byte) 0x80});
    assertThatThrownBy(in::readVarint)
        .isInstanceOf(MalformedProtobufException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void varintLongerThanTenBytesIsMalformed() {
    byte[] bytes = new byte[11];
    java.util.Arrays.fill(bytes, (byte) 0xFF);
    assertThatThrownBy(new WireReader(bytes)::readVarint)
        .isInstanceOf(MalformedProtobufException.class);
  }

  @Test
  void lengthPastTheEndIsMalformed() {
    byte[] bytes = ProtoWriter.message().tag(1, 2).rawVarint(5).raw((byte) 'a').toBytes();
    WireReader in = new WireReader(bytes);
    in.readTag();
    assertThatThrownBy(in::readString)
        .isInstanceOf(MalformedProtobufException.class)
        .hasMessageContaining("past the end");
  }

  @Test
  void truncatedFixedValuesAreMalformed() {
    WireReader in = new WireReader(new byte[] {1, 2, 3});
    assertThatThrownBy(in::readFixed32).isInstanceOf(MalformedProtobufException.class);
    WireReader skipping = new WireReader(new byte[] {1, 2, 3});
    assertThatThrownBy(() -> skipping.skip(WireReader.FIXED64))
        .isInstanceOf(MalformedProtobufException.class);
  }

  @Test
  void fieldNumberZeroIsMalformed() {
    assertThatThrownBy(new WireReader(new byte[] {0x02, 0})::readTag)
        .isInstanceOf(MalformedProtobufException.class);
  }

  @Test
  void groupWireTypesAreMalformed() {
    WireReader in = new WireReader(ProtoWriter.message().tag(1, 3).toBytes());
    int tag = in.readTag();
    assertThatThrownBy(() -> in.skip(WireReader.wireType(tag)))
        .isInstanceOf(MalformedProtobufException.class);
  }
}
