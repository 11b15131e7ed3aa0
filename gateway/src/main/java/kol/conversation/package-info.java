/** The conversation engine: listen (VAD, STT), decide (dialog), speak (TTS into the TX queue), barge-in, latency. */
package kol.conversation;
