/** Twilio Media Streams: the JSON codec, the WebSocket sink, the per-stream session, TwiML and signatures. */
package kol.carrier.twilio;
