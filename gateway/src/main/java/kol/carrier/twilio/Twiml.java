package kol.carrier.twilio;

import java.util.Map;

/** The TwiML Kol answers the voice webhook with: connect the call to Kol's bidirectional media stream. */
public final class Twiml {
    private Twiml() {
    }

    /**
     * {@code <Response><Connect><Stream url="…">} with one {@code <Parameter>} per entry (Twilio hands them back in
     * the stream's {@code start.customParameters}).
     */
    public static String connectStream(String streamUrl, Map<String, String> parameters) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Connect>");
        xml.append("<Stream url=\"").append(escape(streamUrl)).append("\">");
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() != null) {
                xml.append("<Parameter name=\"").append(escape(parameter.getKey())).append("\" value=\"")
                        .append(escape(parameter.getValue())).append("\"/>");
            }
        }
        return xml.append("</Stream></Connect></Response>\n").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
