package kol.provider.google;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import kol.provider.stt.SttListener;

/** Records what a recogniser reports, and whether two reports ever overlapped (the port promises they do not). */
final class RecordingSttListener implements SttListener {
    record Final(String text, long audioEndMs, double confidence) {
    }

    record Partial(String text, long audioEndMs) {
    }

    record Error(Exception error, boolean recovering) {
    }

    private final List<Final> finals = new ArrayList<>();
    private final List<Partial> partials = new ArrayList<>();
    private final List<Error> errors = new ArrayList<>();
    private final List<Long> outages = new ArrayList<>();
    private final AtomicBoolean inside = new AtomicBoolean();
    private volatile boolean overlapped;

    @Override
    public void onPartial(String text, long audioEndMs) {
        enter();
        synchronized (this) {
            partials.add(new Partial(text, audioEndMs));
        }
        inside.set(false);
    }

    @Override
    public void onFinal(String text, long audioEndMs, double confidence) {
        enter();
        synchronized (this) {
            finals.add(new Final(text, audioEndMs, confidence));
        }
        inside.set(false);
    }

    @Override
    public void onError(Exception error, boolean recovering) {
        enter();
        synchronized (this) {
            errors.add(new Error(error, recovering));
        }
        inside.set(false);
    }

    @Override
    public void onOutage(long downForMs) {
        enter();
        synchronized (this) {
            outages.add(downForMs);
        }
        inside.set(false);
    }

    private void enter() {
        if (!inside.compareAndSet(false, true)) {
            overlapped = true;
        }
    }

    synchronized List<Final> finals() {
        return List.copyOf(finals);
    }

    synchronized List<String> finalTexts() {
        return finals.stream().map(Final::text).toList();
    }

    synchronized List<Long> finalEndsMs() {
        return finals.stream().map(Final::audioEndMs).toList();
    }

    synchronized List<Partial> partials() {
        return List.copyOf(partials);
    }

    synchronized List<Error> errors() {
        return List.copyOf(errors);
    }

    synchronized List<Long> outages() {
        return List.copyOf(outages);
    }

    boolean overlapped() {
        return overlapped;
    }
}
