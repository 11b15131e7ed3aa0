package kol.sim;

import java.util.concurrent.ThreadLocalRandom;

/** Random ids shaped like Twilio's: a two-letter prefix and 32 hex digits ({@code CA…}, {@code MZ…}, {@code AC…}). */
final class TwilioIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TwilioIds() {
    }

    static String callSid() {
        return random("CA");
    }

    static String streamSid() {
        return random("MZ");
    }

    static String accountSid() {
        return random("AC");
    }

    private static String random(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix.length() + 32).append(prefix);
        for (int i = 0; i < 32; i++) {
            id.append(HEX[random.nextInt(16)]);
        }
        return id.toString();
    }
}
