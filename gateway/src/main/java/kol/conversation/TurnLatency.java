package kol.conversation;

import java.util.Locale;

/**
 * The latency figures of one caller turn, each in ms from the caller's end of speech (negative when it came
 * before, like an interim STT result while the caller was still talking); {@link #UNSET} = did not happen.
 * Written by the conversation's serial executor; read as an immutable {@link Figures} snapshot.
 */
final class TurnLatency {
    /** A moment that has not happened (yet). */
    static final long UNSET = Long.MIN_VALUE;

    private final String callId;
    private final int turn;
    private final long endOfSpeechNs;
    private long vadEndNs = UNSET;
    private long sttPartialNs = UNSET;
    private long sttFinalNs = UNSET;
    private long dialogFirstTokenNs = UNSET;
    private long ttsFirstAudioNs = UNSET;
    private long firstFrameQueuedNs = UNSET;
    private long firstFrameSentNs = UNSET;
    private long firstFramePlayedNs = UNSET;
    private boolean logged;

    /**
     * The figures as the {@code [TURN]} line and later the metrics and call records see them.
     *
     * @param turn the turn's number in the call
     * @param vadEndMs VAD decided the turn was over
     * @param sttPartialMs first interim STT result
     * @param sttFinalMs STT final result
     * @param dialogFirstTokenMs first reply text from the dialog
     * @param ttsFirstAudioMs first audio out of text-to-speech
     * @param firstFrameSentMs the pacer sent the reply's first frame
     * @param firstFramePlayedMs the carrier reported the first frame played
     * @param totalMs first frame played (or, before that is known, sent)
     */
    record Figures(int turn, long vadEndMs, long sttPartialMs, long sttFinalMs, long dialogFirstTokenMs,
            long ttsFirstAudioMs, long firstFrameSentMs, long firstFramePlayedMs, long totalMs) {
    }

    TurnLatency(String callId, int turn, long endOfSpeechNs) {
        this.callId = callId;
        this.turn = turn;
        this.endOfSpeechNs = endOfSpeechNs;
    }

    void vadEnd(long nowNs) {
        vadEndNs = first(vadEndNs, nowNs);
    }

    void sttPartial(long nowNs) {
        sttPartialNs = first(sttPartialNs, nowNs);
    }

    void sttFinal(long nowNs) {
        sttFinalNs = first(sttFinalNs, nowNs);
    }

    void dialogFirstToken(long nowNs) {
        dialogFirstTokenNs = first(dialogFirstTokenNs, nowNs);
    }

    void ttsFirstAudio(long nowNs) {
        ttsFirstAudioNs = first(ttsFirstAudioNs, nowNs);
    }

    void firstFrameQueued(long nowNs) {
        firstFrameQueuedNs = first(firstFrameQueuedNs, nowNs);
    }

    void firstFrameSent(long sentNs) {
        firstFrameSentNs = first(firstFrameSentNs, sentNs);
    }

    void firstFramePlayed(long nowNs) {
        firstFramePlayedNs = first(firstFramePlayedNs, nowNs);
    }

    boolean isLogged() {
        return logged;
    }

    void markLogged() {
        logged = true;
    }

    Figures figures() {
        long total = firstFramePlayedNs != UNSET ? firstFramePlayedNs : firstFrameSentNs;
        return new Figures(turn, ms(vadEndNs), ms(sttPartialNs), ms(sttFinalNs), ms(dialogFirstTokenNs),
                ms(ttsFirstAudioNs), ms(firstFrameSentNs), ms(firstFramePlayedNs), ms(total));
    }

    /** The {@code [TURN]} line. */
    String logLine(String sttName, String dialogName, String ttsName) {
        Figures f = figures();
        return String.format(Locale.ROOT, "[TURN] call=%s turn=%d vad_end=%s stt_partial=%s stt_final=%s "
                + "dialog_first=%s tts_first=%s first_sent=%s first_played=%s total=%s (stt=%s dialog=%s tts=%s)",
                callId, turn, show(f.vadEndMs()), show(f.sttPartialMs()), show(f.sttFinalMs()),
                show(f.dialogFirstTokenMs()), show(f.ttsFirstAudioMs()), show(f.firstFrameSentMs()),
                show(f.firstFramePlayedMs()), show(f.totalMs()), sttName, dialogName, ttsName);
    }

    private long ms(long ns) {
        return ns == UNSET ? UNSET : Math.round((ns - endOfSpeechNs) / 1e6);
    }

    private static String show(long ms) {
        return ms == UNSET ? "-" : ms + "ms";
    }

    private static long first(long current, long candidate) {
        return current != UNSET ? current : candidate;
    }
}
