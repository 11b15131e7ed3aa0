/** Telephone audio: G.711 μ-law, resampling to 8 kHz, 20 ms framing, tones and WAV files. */
package kol.audio;
