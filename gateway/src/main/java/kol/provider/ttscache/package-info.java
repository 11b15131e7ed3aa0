/** Fixed phrases rendered once by a cloud text-to-speech and replayed from disk: a TextToSpeech decorator. */
package kol.provider.ttscache;
