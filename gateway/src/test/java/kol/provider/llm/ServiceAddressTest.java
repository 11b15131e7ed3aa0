package kol.provider.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import kol.base.Knobs;
import kol.base.Settings;
import kol.base.SettingsException;
import org.junit.jupiter.api.Test;

class ServiceAddressTest {

    private static ServiceAddress read(Map<String, String> values) {
        return ServiceAddress.fromSettings(Settings.of(values), Knobs.OPENAI_BASE_URL, Knobs.OPENAI_API_KEY,
                "DIALOG_PROVIDER=openai");
    }

    @Test
    void aRemoteServerWithoutAKeyStopsStartUp() {
        assertThatThrownBy(() -> read(Map.of("OPENAI_BASE_URL", "https://llm.example.com/v1")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("OPENAI_API_KEY is not set").hasMessageContaining("https://llm.example.com/v1");
    }

    @Test
    void aServerOnThisMachineMayRunWithoutAKey() {
        List<String> urls = List.of("http://localhost:11434/v1", "http://127.0.0.1:8000/v1", "http://[::1]:8000/v1",
                "http://ollama.localhost/v1");
        for (String url : urls) {
            assertThat(read(Map.of("OPENAI_BASE_URL", url)).apiKey()).as(url).isEmpty();
        }
    }

    @Test
    void theKeyNeverAppearsInItsTextAndATrailingSlashIsDropped() {
        ServiceAddress address = read(Map.of("OPENAI_API_KEY", "sk-secret-123", "OPENAI_BASE_URL",
                "https://api.openai.com/v1/"));

        assertThat(address.toString()).isEqualTo("https://api.openai.com/v1 (key set)").doesNotContain("secret");
        assertThat(address.post("/chat/completions", "{}").build().uri())
                .isEqualTo(URI.create("https://api.openai.com/v1/chat/completions"));
    }

    @Test
    void anAddressThatIsNotAnHttpUrlStopsStartUp() {
        assertThatThrownBy(() -> read(Map.of("OPENAI_BASE_URL", "api.openai.com/v1", "OPENAI_API_KEY", "k")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("is not an http(s)://host URL");
    }

    @Test
    void plainHttpIsHeldToHttp11AndAsksForAnEventStream() {
        HttpRequest request = ServiceAddress.of(URI.create("http://127.0.0.1:9"), "").post("/x", "{}").build();

        assertThat(request.version()).contains(HttpClient.Version.HTTP_1_1);
        assertThat(request.headers().firstValue("accept")).contains("text/event-stream");
    }
}
