package kol.provider.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderErrorsTest {

    @Test
    void readsTheMessageOfEachProvidersErrorBody() {
        assertThat(ProviderErrors.fromBody("{\"error\":{\"message\":\"Incorrect API key provided\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"))
                .isEqualTo("invalid_request_error: Incorrect API key provided");
        assertThat(ProviderErrors.fromBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                + "\"message\":\"Overloaded\"}}")).isEqualTo("overloaded_error: Overloaded");
        assertThat(ProviderErrors.fromBody("{\"error\":\"model 'llama9' not found\"}"))
                .isEqualTo("model 'llama9' not found");
    }

    @Test
    void aBodyThatIsNotTheUsualJsonIsQuotedShort() {
        assertThat(ProviderErrors.fromBody("<html>Bad Gateway</html>")).isEqualTo("<html>Bad Gateway</html>");
        assertThat(ProviderErrors.fromBody("x".repeat(1000))).hasSize(301).endsWith("…");
        assertThat(ProviderErrors.fromBody("")).isEqualTo("(no message)");
    }
}
