/** Offline text-to-speech with espeak-ng: one process per utterance, its WAV output streamed as it is made. */
package kol.provider.espeak;
