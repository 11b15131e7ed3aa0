package kol.provider.flow;

import java.util.ArrayList;
import java.util.List;
import kol.provider.dialog.DialogAction;
import kol.provider.dialog.ReplyListener;

/** Writes down every call a reply makes, in order, as "text:…", "hang_up", "hand_off:…", "done" or "error:…". */
final class RecordingListener implements ReplyListener {
    final List<String> events = new ArrayList<>();
    private Runnable afterFirstText = () -> { };

    /** Runs {@code action} once, inside the first {@code onText}: to cut a reply short from within. */
    RecordingListener afterFirstText(Runnable action) {
        this.afterFirstText = action;
        return this;
    }

    @Override
    public void onText(String delta) {
        events.add("text:" + delta);
        Runnable once = afterFirstText;
        afterFirstText = () -> { };
        once.run();
    }

    @Override
    public void onAction(DialogAction action) {
        events.add(action.kind() == DialogAction.Kind.HANG_UP ? "hang_up" : "hand_off:" + action.target());
    }

    @Override
    public void onDone() {
        events.add("done");
    }

    @Override
    public void onError(Exception error) {
        events.add("error:" + error.getMessage());
    }

    /** The reply's text: the deltas joined as they came. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (String event : events) {
            if (event.startsWith("text:")) {
                text.append(event.substring("text:".length()));
            }
        }
        return text.toString();
    }
}
