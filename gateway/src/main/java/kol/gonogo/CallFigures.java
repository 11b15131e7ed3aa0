package kol.gonogo;

/**
 * The numbers a verdict rests on, for one call.
 *
 * @param txSeconds {@code [TX]} per-second lines seen
 * @param speechSeconds seconds of bot speech: lines with {@code busy=50}
 * @param fpsMin lowest fps in a speech second; null without speech seconds
 * @param fpsMax highest fps in a speech second; null without speech seconds
 * @param qP95 95th percentile of {@code q} over speech seconds (nearest rank); null without speech seconds
 * @param qMax highest {@code q} in a speech second; null without speech seconds
 * @param drops the highest (cumulative) {@code drops} value seen
 * @param sendQueueFull {@code Send queue full} lines seen
 * @param greetingEnd whether {@code [TX] greeting_end} was logged (sent or played)
 * @param greetingEndDelayMs mark delay from {@code [TX] greeting_end played … delay=…ms}; null when not echoed
 */
public record CallFigures(int txSeconds, int speechSeconds, Integer fpsMin, Integer fpsMax, Integer qP95,
        Integer qMax, long drops, int sendQueueFull, boolean greetingEnd, Long greetingEndDelayMs) {
}
