package kol.cli;

import kol.provider.tts.TextToSpeech;

/** A caller's line spoken by a text-to-speech provider, as 8 kHz μ-law: for demos and tests that need a voice. */
public final class DemoLines {
    private DemoLines() {
    }

    /** {@code text} spoken by {@code tts}, converted to 8 kHz μ-law. */
    public static byte[] speak(TextToSpeech tts, String text) throws Exception {
        return DemoScript.synthesise(tts, text);
    }
}
