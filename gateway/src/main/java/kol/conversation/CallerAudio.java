package kol.conversation;

import kol.audio.G711;
import kol.provider.stt.SttStream;
import kol.tx.Frame;

/**
 * The listening half of a call, on the carrier's thread: each 20 ms of caller audio is decoded, fed to the voice
 * tracker (VAD and hangover) and batched to speech-to-text, and what matters is posted to the conversation: speech
 * started, speech ended, and speech long enough to barge in. In streaming mode every batch goes to STT as it fills;
 * in utterance mode the audio of one utterance (with a short lead-in before the VAD fired) is sent when it ends.
 *
 * <p>Confined to the carrier thread (one event at a time): the STT stream is only ever used from here.
 */
final class CallerAudio {
    /** What the conversation hears from the caller's audio. */
    interface Events {
        void onSpeechStarted(long nowNs);

        void onSpeechEnded(long nowNs, long hangoverMs);

        /** The present run of speech has lasted {@code BARGE_IN_MIN_MS}: once per run. */
        void onSustainedSpeech(long nowNs);
    }

    private static final int LEAD_IN_FRAMES = 15;

    private final VoiceTracker voice;
    private final SttStream stt;
    private final boolean streaming;
    private final int bargeInMinMs;
    private final Events events;
    private final org.agrona.concurrent.NanoClock clock;
    private final short[] pcm = new short[Frame.MEDIA_BYTES];
    private final byte[] batch;
    private int batchFill;
    private byte[] utterance = new byte[Frame.MEDIA_BYTES * 250];
    private int utteranceFill;
    private final byte[] leadIn = new byte[Frame.MEDIA_BYTES * LEAD_IN_FRAMES];
    private int leadInFrames;
    private boolean speaking;
    private boolean sustainedReported;

    CallerAudio(VoiceTracker voice, SttStream stt, ConversationConfig config, Events events,
            org.agrona.concurrent.NanoClock clock) {
        this.voice = voice;
        this.stt = stt;
        this.streaming = config.streamingStt();
        this.bargeInMinMs = config.bargeInMinMs();
        this.events = events;
        this.clock = clock;
        this.batch = new byte[config.sttBatchMs() * 8]; // 8 μ-law bytes per ms at 8 kHz
    }

    /** One 20 ms frame of caller μ-law. */
    void onFrame(byte[] ulaw, int off) {
        G711.decode(ulaw, off, pcm, 0, Frame.MEDIA_BYTES);
        VoiceTracker.Change change = voice.onFrame(pcm, 0);
        long now = clock.nanoTime();
        if (streaming) {
            // Exact STT_BATCH_MS batches: a 50 ms batch takes two and a half 20 ms frames.
            int copied = 0;
            while (copied < Frame.MEDIA_BYTES) {
                int take = Math.min(Frame.MEDIA_BYTES - copied, batch.length - batchFill);
                System.arraycopy(ulaw, off + copied, batch, batchFill, take);
                batchFill += take;
                copied += take;
                if (batchFill == batch.length) {
                    stt.sendAudio(batch, 0, batchFill);
                    batchFill = 0;
                }
            }
        } else {
            keepForUtterance(ulaw, off);
        }
        switch (change) {
            case SPEECH_STARTED -> {
                speaking = true;
                sustainedReported = false;
                events.onSpeechStarted(now);
            }
            case SPEECH_ENDED -> {
                speaking = false;
                if (!streaming) {
                    sendUtterance();
                }
                events.onSpeechEnded(now, voice.hangoverMs());
            }
            default -> {
            }
        }
        if (speaking && !sustainedReported && voice.speechRunMs() >= bargeInMinMs) {
            sustainedReported = true;
            events.onSustainedSpeech(now);
        }
    }

    /** Utterance mode: keep a short lead-in while silent, and the whole utterance while speaking. */
    private void keepForUtterance(byte[] ulaw, int off) {
        if (speaking || voice.speechRunMs() > 0) {
            if (utteranceFill == 0 && leadInFrames > 0) {
                append(leadIn, 0, leadInFrames * Frame.MEDIA_BYTES);
                leadInFrames = 0;
            }
            append(ulaw, off, Frame.MEDIA_BYTES);
        } else {
            if (leadInFrames == LEAD_IN_FRAMES) {
                System.arraycopy(leadIn, Frame.MEDIA_BYTES, leadIn, 0, (LEAD_IN_FRAMES - 1) * Frame.MEDIA_BYTES);
                leadInFrames--;
            }
            System.arraycopy(ulaw, off, leadIn, leadInFrames * Frame.MEDIA_BYTES, Frame.MEDIA_BYTES);
            leadInFrames++;
        }
    }

    private void append(byte[] source, int off, int len) {
        if (utteranceFill + len > utterance.length) {
            utterance = java.util.Arrays.copyOf(utterance, Math.max(utterance.length * 2, utteranceFill + len));
        }
        System.arraycopy(source, off, utterance, utteranceFill, len);
        utteranceFill += len;
    }

    private void sendUtterance() {
        for (int at = 0; at < utteranceFill; at += batch.length) {
            stt.sendAudio(utterance, at, Math.min(batch.length, utteranceFill - at));
        }
        utteranceFill = 0;
        stt.endOfUtterance();
    }

    /** The call ended. */
    void close() {
        stt.close();
    }
}
