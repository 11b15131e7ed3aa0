package kol.provider.whisper;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kol.provider.stt.SttListener;

/** Keeps every result and error, in order, and lets a test wait for the next one. */
final class RecordingSttListener implements SttListener {

    record Final(String text, long audioEndMs, double confidence) {
    }

    final List<Final> finals = new CopyOnWriteArrayList<>();
    final List<Exception> errors = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @Override
    public void onPartial(String text, long audioEndMs) {
        events.add("partial " + text);
    }

    @Override
    public void onFinal(String text, long audioEndMs, double confidence) {
        Final result = new Final(text, audioEndMs, confidence);
        finals.add(result);
        events.add(result);
    }

    @Override
    public void onError(Exception error, boolean recovering) {
        errors.add(error);
        events.add(error);
    }

    Object next(long timeoutMs) throws InterruptedException {
        return events.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }
}
