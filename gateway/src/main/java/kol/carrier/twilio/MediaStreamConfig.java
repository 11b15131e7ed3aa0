package kol.carrier.twilio;

import kol.base.Knobs;
import kol.base.Settings;
import kol.tx.TxQueueConfig;

/**
 * What a Twilio media stream session needs from the settings.
 *
 * @param queue the per-call TX queue
 * @param sendQueueFrames {@code SEND_QUEUE_FRAMES}
 * @param inboundMaxMessagesPerSecond {@code INBOUND_MAX_MSGS_PER_SEC}
 * @param floodCloseSeconds {@code INBOUND_FLOOD_CLOSE_SECONDS}
 * @param stalledClientCloseMs {@code STALLED_CLIENT_CLOSE_MS}
 * @param maxMessageBytes {@code WS_MAX_MESSAGE_BYTES}, also for a message that comes in fragments
 */
public record MediaStreamConfig(TxQueueConfig queue, int sendQueueFrames, int inboundMaxMessagesPerSecond,
        int floodCloseSeconds, int stalledClientCloseMs, int maxMessageBytes) {

    public static MediaStreamConfig from(Settings settings) {
        return new MediaStreamConfig(TxQueueConfig.from(settings), settings.get(Knobs.SEND_QUEUE_FRAMES),
                settings.get(Knobs.INBOUND_MAX_MSGS_PER_SEC), settings.get(Knobs.INBOUND_FLOOD_CLOSE_SECONDS),
                settings.get(Knobs.STALLED_CLIENT_CLOSE_MS), settings.get(Knobs.WS_MAX_MESSAGE_BYTES));
    }
}
