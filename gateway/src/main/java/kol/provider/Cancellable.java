package kol.provider;

/** Work in flight that can be stopped at once (barge-in). Cancelling twice, or after the end, does nothing. */
@FunctionalInterface
public interface Cancellable {
    void cancel();

    Cancellable NONE = () -> { };
}
