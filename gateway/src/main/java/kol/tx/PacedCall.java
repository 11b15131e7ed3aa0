package kol.tx;

import java.util.Arrays;

/**
 * One call as its pacer lane sees it: its queue, its sink, its deadline and this second's counters. Confined to the
 * lane's thread; other threads only read {@link #stats}.
 */
final class PacedCall {
    private static final long LATE_NS = 2_000_000L;
    private static final int FRAMES_PER_WINDOW = 50;

    final String callId;
    final TxQueue queue;
    final FrameSink sink;
    final TxStats stats;
    final PacerHandle handle;

    private final byte[] scratch = new byte[Frame.MEDIA_BYTES];
    private final Frame scratchFrame = Frame.mediaSlot(scratch);

    long deadlineNs;
    int bucket = -1;
    int indexInBucket = -1;
    boolean stopped;

    private long lastMediaSendNs = Long.MIN_VALUE;
    private boolean previousTickSentMedia;

    // The current telemetry window: FRAMES_PER_WINDOW deadlines, about one second.
    private long windowStartNs;
    private int windowTicks;
    private int windowFrames;
    private int windowLate;
    private int windowBusy;
    private long windowSinkDropsAtStart;
    private final int[] windowDevUs = new int[2 * FRAMES_PER_WINDOW];
    private int windowDevCount;

    PacedCall(String callId, TxQueue queue, FrameSink sink, PacerHandle handle) {
        this.callId = callId;
        this.queue = queue;
        this.sink = sink;
        this.handle = handle;
        this.stats = new TxStats(callId, queue, sink);
    }

    void start(long firstDeadlineNs, long nowNs) {
        deadlineNs = firstDeadlineNs;
        windowStartNs = nowNs;
    }

    /**
     * Serves one deadline: the control frames that are due, at most one media frame, then the control frames that
     * followed it (so a MARK leaves right after its audio). Returns the deviation of this media send from 20 ms
     * after the previous one, in microseconds, or -1 when no consecutive media frame was sent.
     */
    int serve(long nowNs, TxTelemetry telemetry) {
        if (nowNs - deadlineNs > LATE_NS) {
            windowLate++;
            stats.lateSends++;
        }
        sendDueControls(nowNs, telemetry);
        int deviationUs = -1;
        boolean sentMedia = false;
        if (!stopped && queue.pollMedia(scratch)) {
            windowBusy++;
            if (sink.canAccept()) {
                sink.write(scratchFrame);
                stats.mediaSent++;
                if (stats.firstMediaSentNs == 0) {
                    stats.firstMediaSentNs = nowNs;
                }
                windowFrames++;
                if (previousTickSentMedia) {
                    deviationUs = (int) Math.min(Integer.MAX_VALUE,
                            Math.abs(nowNs - lastMediaSendNs - Frame.FRAME_NS) / 1000);
                    if (windowDevCount < windowDevUs.length) {
                        windowDevUs[windowDevCount++] = deviationUs;
                    }
                }
                lastMediaSendNs = nowNs;
                sentMedia = true;
            } else {
                stats.sinkDrops++;
            }
            sendDueControls(nowNs, telemetry);
        }
        previousTickSentMedia = sentMedia;
        if (++windowTicks >= FRAMES_PER_WINDOW) {
            closeWindow(nowNs, telemetry);
        }
        return deviationUs;
    }

    private void sendDueControls(long nowNs, TxTelemetry telemetry) {
        while (!stopped && queue.hasDueControl()) {
            if (!sink.canAccept()) {
                return; // control frames wait for room; they are never dropped
            }
            Frame frame = queue.pollDueControl();
            sink.write(frame);
            stats.controlSent++;
            switch (frame.kind()) {
                case MARK:
                    telemetry.onMarkSent(callId, frame.name(), nowNs);
                    break;
                case STOP:
                    stopped = true;
                    queue.close();
                    break;
                default:
                    break;
            }
        }
    }

    private void closeWindow(long nowNs, TxTelemetry telemetry) {
        long elapsedNs = Math.max(1, nowNs - windowStartNs);
        int fps = (int) Math.round(windowFrames * 1_000_000_000.0 / elapsedNs);
        double dev99Ms = 0;
        double devMaxMs = 0;
        if (windowDevCount > 0) {
            Arrays.sort(windowDevUs, 0, windowDevCount);
            int rank = (int) Math.ceil(0.99 * windowDevCount) - 1;
            dev99Ms = windowDevUs[rank] / 1000.0;
            devMaxMs = windowDevUs[windowDevCount - 1] / 1000.0;
        }
        long sinkDrops = stats.sinkDrops;
        TxSecond second = new TxSecond(callId, fps, queue.depth(), queue.takeMaxDepth(), sink.sendQueueFrames(),
                stats.drops(), sinkDrops - windowSinkDropsAtStart, windowBusy, windowLate, stats.resyncs, dev99Ms,
                devMaxMs);
        stats.lastSecond = second;
        telemetry.onSecond(second);
        windowStartNs = nowNs;
        windowTicks = 0;
        windowFrames = 0;
        windowLate = 0;
        windowBusy = 0;
        windowDevCount = 0;
        windowSinkDropsAtStart = sinkDrops;
    }
}
