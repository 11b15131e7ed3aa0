package kol.provider.ttscache;

/** Audio whose every byte a test can check. */
final class TtsCacheTestAudio {

    private TtsCacheTestAudio() {
    }

    static byte[] ramp(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i * 7 + i / 251);
        }
        return bytes;
    }
}
