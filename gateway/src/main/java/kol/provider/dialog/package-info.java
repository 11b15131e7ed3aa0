/** The dialog port: a caller's turn (text or DTMF) in, a stream of reply text and actions out, cancellable. */
package kol.provider.dialog;
