package kol.provider.flow;

import java.util.concurrent.Executor;
import kol.provider.Cancellable;
import kol.provider.dialog.DialogAction;
import kol.provider.dialog.DialogSession;
import kol.provider.dialog.ReplyListener;
import kol.provider.dialog.Turn;

/**
 * One call's walk through a flow: the node it is at and the last thing it said, for "repeat".
 *
 * <p>Threading: turns come one at a time but not always on the same thread, so the walk is guarded by this
 * session's monitor. The step to the next node is taken when {@link #respond} is called, before any word is
 * delivered: a caller who cuts the reply short has still made the choice.
 */
final class FlowSession implements DialogSession {
    private final Flow flow;
    private final Executor delivery;
    private FlowNode node;
    private Speech lastSaid;

    /** What to say in answer to one turn, and what to do after. */
    private record Reply(Speech speech, DialogAction action) {
    }

    FlowSession(Flow flow, Executor delivery) {
        this.flow = flow;
        this.delivery = delivery;
        this.node = flow.node(flow.start());
        this.lastSaid = opening(flow);
    }

    @Override
    public String greeting() {
        return opening(flow).text();
    }

    @Override
    public Cancellable respond(Turn turn, ReplyListener listener) {
        Reply reply = answer(turn);
        ReplyDelivery replyDelivery = new ReplyDelivery(reply.speech(), reply.action(), listener);
        delivery.execute(replyDelivery);
        return replyDelivery;
    }

    /** The id of the node the call is at. */
    synchronized String nodeId() {
        return node.id();
    }

    private synchronized Reply answer(Turn turn) {
        Intent intent;
        switch (turn.kind()) {
            case DTMF:
                intent = flow.intentFor(node, Character.toUpperCase(turn.digit()));
                break;
            case SPEECH:
                Words words = Words.of(turn.text());
                if (words.tokens().isEmpty()) {
                    return new Reply(node.unrecognised(), null);
                }
                intent = flow.intentFor(node, words);
                break;
            default:
                return new Reply(node.unrecognised(), null);
        }
        // Fallback and unrecognised lines are not remembered: "repeat" after one should repeat what came before.
        return intent == null ? new Reply(node.fallback(), null) : take(intent);
    }

    private Reply take(Intent intent) {
        if (intent.action() == Intent.Action.REPEAT) {
            return new Reply(lastSaid, null);
        }
        Speech said = intent.reply();
        if (intent.next() != null) {
            node = flow.node(intent.next());
            said = said.then(node.prompt());
        }
        if (!said.isEmpty()) {
            lastSaid = said;
        }
        return new Reply(said, action(intent));
    }

    private static DialogAction action(Intent intent) {
        switch (intent.action()) {
            case HANG_UP:
                return DialogAction.hangUp();
            case HAND_OFF:
                return DialogAction.handOff(intent.target());
            default:
                return null;
        }
    }

    private static Speech opening(Flow flow) {
        return flow.greeting().then(flow.node(flow.start()).prompt());
    }
}
