import * as v from 'valibot';

/**
 * The room's WebRTC source came or went: `whep` is the WHEP endpoint (relative to the server) while a host
 * publishes video there, `null` once it stopped; `hls` follows it (the host's stream packaged, or back to the
 * room's own). Players on HLS switch to WebRTC when it comes back; players
 * on WebRTC fall back to HLS when it goes (they also notice on their own when the session drops).
 */
export const RoomMediaEventSchema = v.object({
  t: v.literal('room.media'),
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  at: v.number(),
  whep: v.nullable(v.pipe(v.string(), v.maxLength(2048))),
  /**
   * The HLS playlist to play now (absent from older servers): the host's packaged WebRTC stream while it
   * publishes and the server packages it, else the room's own HLS.
   */
  hls: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});
/** The room's WebRTC source came or went. */
export type RoomMediaEvent = v.InferOutput<typeof RoomMediaEventSchema>;
