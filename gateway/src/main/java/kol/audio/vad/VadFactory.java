package kol.audio.vad;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes one {@link VoiceActivityDetector} per call. Detectors hold per-call state; what they share (a
 * loaded model) lives in the factory, which is safe to use from any thread.
 */
@FunctionalInterface
public interface VadFactory {

    /** A fresh detector for one call. */
    VoiceActivityDetector create();

    /** The zero-dependency default: an {@link EnergyVad} per call. */
    static VadFactory energy() {
        return EnergyVad::new;
    }

    /**
     * Silero where {@code modelFile} exists, the energy VAD where it does not. A file that exists but does
     * not load is an error, not a silent fallback: the operator asked for that model.
     *
     * @throws VadModelException if the file exists but is not a usable Silero VAD model
     */
    static VadFactory forModel(Path modelFile) {
        return Files.exists(modelFile) ? SileroModel.load(modelFile) : energy();
    }
}
