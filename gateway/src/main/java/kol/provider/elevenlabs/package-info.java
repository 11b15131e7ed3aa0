/** ElevenLabs text-to-speech over its HTTP streaming endpoint, 8 kHz μ-law, eleven_v3 for Hebrew. */
package kol.provider.elevenlabs;
