package kol.carrier.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
            "Digits", "1234", "From", "+14158675309", "To", "+18005551212");

    @Test
    void matchesTwiliosPublishedExample() {
        TwilioSignature signature = new TwilioSignature("12345");
        assertThat(signature.sign(URL, PARAMS)).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
        assertThat(signature.isValid(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
    }

    @Test
    void rejectsTamperedParametersUrlsAndMissingSignatures() {
        TwilioSignature signature = new TwilioSignature("12345");
        Map<String, String> tampered = new HashMap<>(PARAMS);
        tampered.put("Digits", "9999");
        assertThat(signature.isValid(URL, tampered, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(signature.isValid(URL.replace("foo=1", "foo=2"), PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(signature.isValid(URL, PARAMS, null)).isFalse();
        assertThat(signature.isValid(URL, PARAMS, "")).isFalse();
        assertThat(new TwilioSignature("other").isValid(URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
    }

    @Test
    void acceptsTheUrlWithOrWithoutTheDefaultPortLikeTheSdk() {
        TwilioSignature signature = new TwilioSignature("secret");
        RequestValidator sdk = new RequestValidator("secret");
        String withPort = "wss://kol.example.com:443/twilio/media";
        String withoutPort = "wss://kol.example.com/twilio/media";
        String signed = signature.sign(withPort, Map.of());
        assertThat(signature.isValid(withoutPort, Map.of(), signed)).isTrue();
        assertThat(sdk.validate("https://kol.example.com/twilio/voice", Map.of(),
                signature.sign("https://kol.example.com:443/twilio/voice", Map.of()))).isTrue();
        assertThat(signature.isValid("wss://kol.example.com:8443/twilio/media", Map.of(), signed)).isFalse();
    }

    @Test
    void neverShowsTheToken() {
        assertThat(new TwilioSignature("super-secret-token").toString()).doesNotContain("super-secret-token");
    }

    @Property(tries = 200)
    void agreesWithTheTwilioSdkValidator(@ForAll @AlphaChars @StringLength(min = 1, max = 32) String token,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String path,
            @ForAll @NumericChars @StringLength(min = 1, max = 15) String from,
            @ForAll @AlphaChars @StringLength(max = 30) String custom) {
        String url = "https://gateway.example.org/twilio/" + path + "?x=" + from;
        Map<String, String> params = Map.of("From", "+" + from, "To", "+97235551234", "CallSid", "CA" + path,
                "Custom", custom);
        String ours = new TwilioSignature(token).sign(url, params);
        RequestValidator sdk = new RequestValidator(token);
        assertThat(sdk.validate(url, params, ours)).isTrue();
        assertThat(sdk.validate(url, params, ours.substring(1) + "A")).isFalse();
    }
}
