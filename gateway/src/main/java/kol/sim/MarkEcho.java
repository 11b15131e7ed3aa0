package kol.sim;

/**
 * A mark the server sent and the simulator echoed.
 *
 * @param name the mark's name
 * @param delayMs from the mark's arrival to its echo: how long the audio before it took to play out
 * @param cleared true when a {@code clear} released it (its audio never played); Twilio's echo says nothing of it
 */
public record MarkEcho(String name, long delayMs, boolean cleared) {
}
