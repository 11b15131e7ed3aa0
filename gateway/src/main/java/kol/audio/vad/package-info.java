/** Voice activity detection: the detector port, an energy/spectral default, Silero on ONNX, and segmenting. */
package kol.audio.vad;
