package kol.sim;

/** Receives the bot's audio as the caller hears it, in time order: played bytes and the silences between. */
interface PlayoutSink {

    /** Discards everything. */
    PlayoutSink NONE = new PlayoutSink() {
        @Override
        public void play(byte[] muLaw, int off, int len) {
        }

        @Override
        public void silence(long samples) {
        }
    };

    /** {@code len} μ-law bytes that played. */
    void play(byte[] muLaw, int off, int len);

    /** {@code samples} of silence: nothing was playing. */
    void silence(long samples);
}
