package kol.audio.vad;

import kol.audio.Telephony;

/**
 * Turns per-frame speech probabilities into speech runs with timing: {@link SpeechEvent#START} once speech
 * has lasted {@code minSpeechMs} (so a click or a cough does not open a turn), {@link SpeechEvent#END} once
 * it has been followed by {@code hangoverMs} of non-speech (end of turn, {@code VAD_HANGOVER_MS}).
 *
 * <p>Time is frames fed × 20 ms: frame {@code k} covers {@code [20k, 20k + 20)} ms, and an event returned
 * for it happens at {@link #nowMs()}, the end of that frame. So END arrives exactly {@code hangoverMs}
 * after the end of the last speech frame, and {@link #currentSpeechMs()} is what barge-in compares with
 * {@code BARGE_IN_MIN_MS}. Both durations are rounded up to whole frames.
 *
 * <p>Hysteresis as in Silero's own iterator: a run starts on frames at {@link
 * VoiceActivityDetector#SPEECH_THRESHOLD} and carries on through frames down to {@link #CONTINUE_THRESHOLD},
 * so a word's weak tail does not start the hangover early. The frames at or above the lower threshold just
 * before a START (a word's unvoiced onset, say the "s" of "sorry") belong to the run: it begins where they do.
 *
 * <p>One owner thread per instance, like the detector it drives. Allocation-free.
 */
public final class SpeechSegmenter {

    /** Once speaking, a frame at or above this still counts as speech: Silero's threshold − 0.15. */
    public static final float CONTINUE_THRESHOLD = 0.35f;

    private final VoiceActivityDetector detector;
    private final int minSpeechFrames;
    private final int hangoverFrames;

    private long framesFed;
    private boolean inSpeech;
    /** Consecutive frames at or above the speech threshold while not yet in speech. */
    private int candidateFrames;
    /** First frame of the present stretch at or above the continue threshold, while not in speech; -1 if none. */
    private long leadInStartFrame = -1;
    private long runStartFrame = -1;
    private long lastSpeechFrame = -1;
    private int silentFrames;
    private float lastProbability;

    /** A segmenter driving {@code detector} through {@link #onFrame}. */
    public SpeechSegmenter(VoiceActivityDetector detector, int minSpeechMs, int hangoverMs) {
        this.detector = detector;
        this.minSpeechFrames = framesFor("minSpeechMs", minSpeechMs);
        this.hangoverFrames = framesFor("hangoverMs", hangoverMs);
    }

    /** A segmenter fed probabilities through {@link #onProbability}, for a detector the caller runs. */
    public SpeechSegmenter(int minSpeechMs, int hangoverMs) {
        this(null, minSpeechMs, hangoverMs);
    }

    /** Runs the detector on {@code pcm8k[off, off + 160)} and segments its answer. */
    public SpeechEvent onFrame(short[] pcm8k, int off) {
        if (detector == null) {
            throw new IllegalStateException("this segmenter has no detector: feed it with onProbability");
        }
        return onProbability(detector.speechProbability(pcm8k, off));
    }

    /** Segments one frame's speech probability. */
    public SpeechEvent onProbability(float probability) {
        long frame = framesFed++;
        lastProbability = probability;
        if (!inSpeech) {
            if (probability < CONTINUE_THRESHOLD) {
                leadInStartFrame = -1;
            } else if (leadInStartFrame < 0) {
                leadInStartFrame = frame;
            }
            if (probability < VoiceActivityDetector.SPEECH_THRESHOLD) {
                candidateFrames = 0;
                return SpeechEvent.NONE;
            }
            if (++candidateFrames < minSpeechFrames) {
                return SpeechEvent.NONE;
            }
            inSpeech = true;
            runStartFrame = leadInStartFrame;
            lastSpeechFrame = frame;
            silentFrames = 0;
            return SpeechEvent.START;
        }
        if (probability >= CONTINUE_THRESHOLD) {
            lastSpeechFrame = frame;
            silentFrames = 0;
            return SpeechEvent.NONE;
        }
        if (++silentFrames < hangoverFrames) {
            return SpeechEvent.NONE;
        }
        inSpeech = false;
        candidateFrames = 0;
        leadInStartFrame = -1;
        return SpeechEvent.END;
    }

    /** True between START and END. */
    public boolean inSpeech() {
        return inSpeech;
    }

    /**
     * How long the present speech run has lasted, from its first speech frame to the end of its latest one
     * (trailing non-speech not counted); 0 when not in speech.
     */
    public long currentSpeechMs() {
        return inSpeech ? (lastSpeechFrame + 1 - runStartFrame) * Telephony.FRAME_MS : 0;
    }

    /** Start of the first frame of the latest run (the START event's speech onset); -1 before any. */
    public long speechStartMs() {
        return runStartFrame < 0 ? -1 : runStartFrame * Telephony.FRAME_MS;
    }

    /** End of the latest run's last speech frame; after END, the labelled end of the turn. -1 before any. */
    public long lastSpeechEndMs() {
        return lastSpeechFrame < 0 ? -1 : (lastSpeechFrame + 1) * Telephony.FRAME_MS;
    }

    /** Index of the first frame of the latest run; -1 before any. */
    public long speechStartFrame() {
        return runStartFrame;
    }

    /** Index of the latest run's last speech frame; -1 before any. */
    public long lastSpeechFrame() {
        return lastSpeechFrame;
    }

    /** Frames fed since creation or {@link #reset()}. */
    public long framesFed() {
        return framesFed;
    }

    /** End of the last frame fed: the time at which the latest event happened. */
    public long nowMs() {
        return framesFed * Telephony.FRAME_MS;
    }

    /** The probability of the last frame fed. */
    public float lastProbability() {
        return lastProbability;
    }

    public int minSpeechMs() {
        return minSpeechFrames * Telephony.FRAME_MS;
    }

    public int hangoverMs() {
        return hangoverFrames * Telephony.FRAME_MS;
    }

    /** Back to time zero and silence; resets the detector too. */
    public void reset() {
        if (detector != null) {
            detector.reset();
        }
        framesFed = 0;
        inSpeech = false;
        candidateFrames = 0;
        leadInStartFrame = -1;
        runStartFrame = -1;
        lastSpeechFrame = -1;
        silentFrames = 0;
        lastProbability = 0;
    }

    private static int framesFor(String name, int ms) {
        if (ms < Telephony.FRAME_MS) {
            throw new IllegalArgumentException(name + " must be at least one frame (" + Telephony.FRAME_MS
                    + " ms), was " + ms);
        }
        return (ms + Telephony.FRAME_MS - 1) / Telephony.FRAME_MS;
    }
}
