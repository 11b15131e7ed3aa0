/**
 * The TX core: the one outbound queue per call ({@link kol.tx.TxQueue}) and the one paced sender
 * ({@link kol.tx.TxPacer}) that is the only code allowed to write to a {@link kol.tx.FrameSink}.
 */
package kol.tx;
