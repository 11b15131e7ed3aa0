package kol.sim;

import java.util.ArrayList;
import java.util.List;
import kol.audio.G711;
import kol.tx.Frame;

/**
 * The bot's response time measured from the audio itself, as a caller would: from the end of each utterance in
 * the caller's audio to the first bot audio that arrives after it. Utterances are found by level (frames above
 * −40 dBFS, pauses shorter than 300 ms inside one); a response counts only if the bot was silent when the caller
 * stopped (no bot audio in the 100 ms before) and answered within 5 s.
 */
final class ResponseLatency {
    private static final double SPEECH_DBFS = -40;
    private static final int MAX_PAUSE_FRAMES = 15;
    private static final long BOT_QUIET_BEFORE_MS = 100;
    private static final long MAX_RESPONSE_MS = 5000;

    private ResponseLatency() {
    }

    /** Where each utterance of {@code callerMuLaw} ends, in ms from the first frame. */
    static List<Long> utteranceEndsMs(byte[] callerMuLaw) {
        List<Long> ends = new ArrayList<>();
        short[] pcm = new short[Frame.MEDIA_BYTES];
        int frames = callerMuLaw.length / Frame.MEDIA_BYTES;
        int lastSpeech = -1;
        for (int f = 0; f < frames; f++) {
            G711.decode(callerMuLaw, f * Frame.MEDIA_BYTES, pcm, 0, Frame.MEDIA_BYTES);
            double sum = 0;
            for (short s : pcm) {
                sum += (double) s * s;
            }
            double dbfs = 10 * Math.log10(sum / pcm.length / (32768.0 * 32768.0) + 1e-12);
            if (dbfs > SPEECH_DBFS) {
                lastSpeech = f;
            } else if (lastSpeech >= 0 && f - lastSpeech > MAX_PAUSE_FRAMES) {
                ends.add((lastSpeech + 1L) * Frame.FRAME_MS);
                lastSpeech = -1;
            }
        }
        if (lastSpeech >= 0 && frames - lastSpeech > MAX_PAUSE_FRAMES) {
            ends.add((lastSpeech + 1L) * Frame.FRAME_MS);
        }
        return ends;
    }

    /**
     * The response time after each utterance end (ms), for the utterances the bot answered.
     *
     * @param utteranceEndsMs from {@link #utteranceEndsMs(byte[])}
     * @param botArrivalsMs when each bot media frame arrived, in ms on the same clock, ascending
     */
    static List<Long> responsesMs(List<Long> utteranceEndsMs, List<Long> botArrivalsMs) {
        List<Long> responses = new ArrayList<>();
        for (long end : utteranceEndsMs) {
            boolean botSpeaking = false;
            Long first = null;
            for (long arrival : botArrivalsMs) {
                if (arrival > end - BOT_QUIET_BEFORE_MS && arrival <= end) {
                    botSpeaking = true;
                }
                if (arrival > end) {
                    first = arrival;
                    break;
                }
            }
            if (!botSpeaking && first != null && first - end <= MAX_RESPONSE_MS) {
                responses.add(first - end);
            }
        }
        return responses;
    }
}
