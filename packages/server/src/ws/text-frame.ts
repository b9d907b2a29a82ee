/**
 * Encodes `payload` (UTF-8 bytes) as one final, unmasked WebSocket text frame (RFC 6455 §5.2): the exact bytes a
 * server writes on the wire. A room event is framed once and the same bytes go to every socket of the room,
 * instead of each socket's sender framing (and UTF-8 encoding) the same text again.
 */
export function encodeTextFrame(payload: Buffer): Buffer {
  const length = payload.length;
  // Payload length: 7 bits, or 126 + 16 bits, or 127 + 64 bits (servers never mask).
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN + opcode 1 (text)
  if (length < 126) {
    frame[1] = length;
  } else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 0x1_0000_0000), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  payload.copy(frame, headerLength);
  return frame;
}
