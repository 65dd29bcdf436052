package dev.skiff.server.protobuf;

/**
 * Bytes that are not a valid protobuf message for the schema at hand: truncated input, a bad
 * varint, a length past the end, a wire type the field cannot have. {@link KubeProtobuf} turns it
 * into a 400 BadRequest at the boundary.
 */
public final class MalformedProtobufException extends RuntimeException {
  public MalformedProtobufException(String message) {
    super(message, null, false, false);
  }
}
