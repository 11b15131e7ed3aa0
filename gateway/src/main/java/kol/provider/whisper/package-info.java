/** Offline Hebrew recognition with Whisper (whisper.cpp over JNI), one utterance at a time. */
package kol.provider.whisper;
