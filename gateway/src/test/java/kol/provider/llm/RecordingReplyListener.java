package kol.provider.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kol.provider.dialog.DialogAction;
import kol.provider.dialog.ReplyListener;

/** Records what one reply delivered, in order: "text:…", "action:HAND_OFF:…", "done", "error". */
public final class RecordingReplyListener implements ReplyListener {
    private final List<String> events = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final CompletableFuture<Void> firstText = new CompletableFuture<>();
    private volatile Exception error;

    @Override
    public synchronized void onText(String delta) {
        events.add("text:" + delta);
        text.append(delta);
        firstText.complete(null);
    }

    @Override
    public synchronized void onAction(DialogAction action) {
        events.add("action:" + action.kind() + ":" + action.target());
    }

    @Override
    public synchronized void onDone() {
        events.add("done");
        ended.complete(null);
    }

    @Override
    public synchronized void onError(Exception failure) {
        events.add("error");
        error = failure;
        ended.complete(null);
    }

    /** Waits for onDone or onError. */
    public RecordingReplyListener awaitEnd() throws Exception {
        ended.get(3, TimeUnit.SECONDS);
        return this;
    }

    /** Waits for the first text. */
    public RecordingReplyListener awaitFirstText() throws Exception {
        firstText.get(3, TimeUnit.SECONDS);
        return this;
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    public synchronized String text() {
        return text.toString();
    }

    public Exception error() {
        return error;
    }

    public boolean ended() {
        return ended.isDone();
    }
}
