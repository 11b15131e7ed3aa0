/** The offline default "recogniser": it hears that the caller spoke (the VAD does that) and understands no words. */
package kol.provider.vadonly;
