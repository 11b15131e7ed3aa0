package kol.conversation;

import kol.audio.vad.SpeechSegmenter;
import kol.audio.vad.VoiceActivityDetector;

/** The VAD ({@link kol.audio.vad}) with its segmenter, as the conversation's {@link VoiceTracker}. */
public final class VadVoiceTracker implements VoiceTracker {
    /** Speech shorter than this does not start a turn (clicks and pops). */
    public static final int MIN_SPEECH_MS = 80;

    private final SpeechSegmenter segmenter;

    public VadVoiceTracker(VoiceActivityDetector detector, int hangoverMs) {
        this.segmenter = new SpeechSegmenter(detector, MIN_SPEECH_MS, hangoverMs);
    }

    @Override
    public Change onFrame(short[] pcm, int off) {
        switch (segmenter.onFrame(pcm, off)) {
            case START:
                return Change.SPEECH_STARTED;
            case END:
                return Change.SPEECH_ENDED;
            default:
                return Change.NONE;
        }
    }

    @Override
    public long speechRunMs() {
        return segmenter.inSpeech() ? segmenter.currentSpeechMs() : 0;
    }

    @Override
    public long hangoverMs() {
        return segmenter.hangoverMs();
    }
}
