/** The speech-to-text port: caller audio in, partial and final results out with timestamps, cancellable. */
package kol.provider.stt;
