/** The text-to-speech port: text in, a stream of audio chunks out at the provider's own rate, cancellable. */
package kol.provider.tts;
