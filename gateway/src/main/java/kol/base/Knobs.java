package kol.base;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Every setting Kol reads, declared once, in the order the README lists them. */
public final class Knobs {
    private Knobs() {
    }

    // --- TX core ---
    public static final Setting<Integer> TX_QUEUE_FRAMES = Setting.ofInt("TX_QUEUE_FRAMES", 120, 16, 30_000,
            "frames", "Per-call outbound queue in 20 ms frames (120 = 2.4 s); when full, the oldest media goes.");
    public static final Setting<Integer> TX_TARGET_LEAD_FRAMES = Setting.ofInt("TX_TARGET_LEAD_FRAMES", 10, 0, 1000,
            "frames", "How far ahead of real time a producer may run (10 = 200 ms); 0 turns the real-time lead off.");
    public static final Setting<Integer> TX_HIGH_WATER_PCT = Setting.ofInt("TX_HIGH_WATER_PCT", 90, 10, 100, "%",
            "Queue fill above which producers wait (back-pressure) until it drains below the low-water mark.");
    public static final Setting<Integer> TX_LOW_WATER_PCT = Setting.ofInt("TX_LOW_WATER_PCT", 50, 0, 99, "%",
            "Queue fill below which waiting producers resume.");
    public static final Setting<Integer> SEND_QUEUE_FRAMES = Setting.ofInt("SEND_QUEUE_FRAMES", 144, 1, 30_000,
            "frames", "Per-call socket send queue; when full, media frames are dropped (counted) and control waits.");
    public static final Setting<Integer> TX_PACER_THREADS = Setting.ofInt("TX_PACER_THREADS", 0, 0, 64, "threads",
            "Pacer threads shared by all calls; 0 = half the cores, at least one.");
    public static final Setting<Boolean> TX_LOG = Setting.ofBool("TX_LOG", true,
            "Log one [TX] line per call per second.");

    // --- Server and carrier ---
    public static final Setting<Integer> PORT = Setting.ofInt("PORT", 8080, 0, 65_535, "",
            "HTTP and WebSocket port of ./kol serve (0 = any free port).");
    public static final Setting<String> BIND_ADDRESS = Setting.ofString("BIND_ADDRESS", "0.0.0.0", "an address",
            "Address the server listens on.");
    public static final Setting<String> PUBLIC_URL = Setting.ofString("PUBLIC_URL", "", "http(s)://host[:port]",
            "Public base URL Twilio reaches; https://host gives wss://host/twilio/media. Empty: from the Host header.");
    public static final Setting<String> TWILIO_AUTH_TOKEN = Setting.ofString("TWILIO_AUTH_TOKEN", "", "a token",
            "When set, X-Twilio-Signature is checked on the webhook and the WebSocket upgrade. Never logged.");
    public static final Setting<Boolean> TWILIO_REQUIRE_WS_SIGNATURE = Setting.ofBool("TWILIO_REQUIRE_WS_SIGNATURE",
            true, "With a token set: refuse a WebSocket upgrade that carries no signature header.");
    public static final Setting<String> NET_TRANSPORT = Setting.ofChoice("NET_TRANSPORT", "epoll",
            "Socket transport of the server and ./kol call: epoll or io_uring (Linux), nio (any OS); one not "
            + "available falls back to nio with a warning. At 1,000 calls Netty's io_uring loops log completion-queue "
            + "overflows and paced worse than epoll (README, Performance).", "epoll", "io_uring", "nio");
    public static final Setting<Integer> MAX_CALLS = Setting.ofInt("MAX_CALLS", 2000, 1, 100_000, "calls",
            "Concurrent calls; more are refused with 503 and a log line.");
    public static final Setting<Integer> WS_MAX_MESSAGE_BYTES = Setting.ofInt("WS_MAX_MESSAGE_BYTES", 65_536, 1024,
            16_777_216, "bytes", "Largest inbound WebSocket message; a larger one closes that call (1009).");
    public static final Setting<Integer> INBOUND_MAX_MSGS_PER_SEC = Setting.ofInt("INBOUND_MAX_MSGS_PER_SEC", 200, 60,
            100_000, "messages/s", "Inbound message rate per call (Twilio sends ~50/s); excess is dropped and logged.");
    public static final Setting<Integer> INBOUND_FLOOD_CLOSE_SECONDS = Setting.ofInt("INBOUND_FLOOD_CLOSE_SECONDS", 5,
            1, 3600, "s", "A call that floods for this long is closed (1008).");
    public static final Setting<Integer> STALLED_CLIENT_CLOSE_MS = Setting.ofInt("STALLED_CLIENT_CLOSE_MS", 10_000,
            1000, 600_000, "ms", "A call whose socket accepts nothing for this long (a client that stopped reading) "
                    + "is closed.");
    public static final Setting<Integer> WS_SEND_BUFFER_BYTES = Setting.ofInt("WS_SEND_BUFFER_BYTES", 0, 0,
            16_777_216, "bytes", "Kernel send buffer per socket (0 = the OS default); smaller surfaces a stalled "
                    + "client sooner.");
    public static final Setting<String> GREETING_WAV = Setting.ofString("GREETING_WAV", "", "a WAV file",
            "Greeting played at the start of each call (PCM16 or μ-law, any rate); empty: a short tone sequence.");

    // --- Conversation: listening, deciding, speaking ---
    public static final Setting<String> LANGUAGE = Setting.ofChoice("LANGUAGE", "he-IL",
            "Language of the embedded default (flow, TTS voice, recogniser).", "he-IL", "en-US");
    public static final Setting<String> STT_PROVIDER = Setting.ofChoice("STT_PROVIDER", "none",
            "Speech-to-text: none (the offline default: hears speech, understands no words) or google.", "none",
            "google", "whisper");
    public static final Setting<String> DIALOG_PROVIDER = Setting.ofChoice("DIALOG_PROVIDER", "flow",
            "Dialog: flow (a scripted YAML flow), openai (OpenAI-compatible) or anthropic.", "flow", "openai",
            "anthropic");
    public static final Setting<String> TTS_PROVIDER = Setting.ofChoice("TTS_PROVIDER", "espeak",
            "Text-to-speech: espeak (offline default), google, elevenlabs or openai.", "espeak", "google",
            "elevenlabs", "openai");
    public static final Setting<String> FLOW_FILE = Setting.ofString("FLOW_FILE", "", "a YAML file",
            "The scripted flow; empty: the built-in clinic front desk in LANGUAGE.");
    public static final Setting<String> GREETING_TEXT = Setting.ofString("GREETING_TEXT", "", "text",
            "Greeting spoken at the start of each call; empty: the flow's greeting (GREETING_WAV wins when set).");
    public static final Setting<Boolean> ENABLE_STREAMING_STT = Setting.ofBool("ENABLE_STREAMING_STT", true,
            "true: caller audio streams to STT continuously; false: one utterance at a time after end of speech.");
    public static final Setting<Integer> STT_BATCH_MS = Setting.ofInt("STT_BATCH_MS", 50, 20, 200, "ms",
            "Caller audio is sent to STT in batches of this length (40–60 recommended).");
    public static final Setting<Integer> STT_PARTIAL_DEBOUNCE_MS = Setting.ofInt("STT_PARTIAL_DEBOUNCE_MS", 100, 0,
            2000, "ms", "Interim STT results reach the conversation at most this often (90–120 recommended).");
    public static final Setting<Integer> VAD_HANGOVER_MS = Setting.ofInt("VAD_HANGOVER_MS", 200, 60, 3000, "ms",
            "Silence after speech that ends the caller's turn (180–220 recommended).");
    public static final Setting<String> END_OF_TURN = Setting.ofChoice("END_OF_TURN", "vad",
            "What ends a caller turn: vad (hangover silence), stt (an STT final) or either.", "vad", "stt",
            "either");
    public static final Setting<Integer> REPLY_REFRACTORY_MS = Setting.ofInt("REPLY_REFRACTORY_MS", 1100, 0, 10_000,
            "ms", "No new reply starts within this long of the previous one; a split utterance is merged.");
    public static final Setting<Boolean> BARGE_IN = Setting.ofBool("BARGE_IN", true,
            "Caller speech while the bot is heard cuts the bot off (flush, clear, cancel).");
    public static final Setting<Integer> BARGE_IN_MIN_MS = Setting.ofInt("BARGE_IN_MIN_MS", 300, 60, 5000, "ms",
            "Caller speech must last this long to barge in (noise bursts are shorter).");
    public static final Setting<String> VAD = Setting.ofChoice("VAD", "energy",
            "Voice activity detector: energy (built in) or silero (needs VAD_MODEL).", "energy", "silero");
    public static final Setting<String> VAD_MODEL = Setting.ofString("VAD_MODEL", "models/silero_vad.onnx",
            "a file", "Silero VAD ONNX model used when VAD=silero.");

    // --- Google Cloud Speech-to-Text (STT_PROVIDER=google) ---
    public static final Setting<String> GCP_STT_LANGUAGE = Setting.ofString("GCP_STT_LANGUAGE", "he-IL",
            "a BCP-47 tag", "Recognition language; he-IL (or he) is sent as iw-IL, Google's code for Hebrew.");
    public static final Setting<String> GCP_STT_MODEL = Setting.ofString("GCP_STT_MODEL", "default", "a v1 model",
            "Recognition model (default, telephony, phone_call, latest_long…); not every one serves every language.");
    public static final Setting<Boolean> GCP_STT_ENHANCED = Setting.ofBool("GCP_STT_ENHANCED", true,
            "Use the model's enhanced variant where one exists (use_enhanced).");
    public static final Setting<String> GCP_STT_ENDPOINT = Setting.ofString("GCP_STT_ENDPOINT", "", "host:port",
            "Speech endpoint, e.g. eu-speech.googleapis.com:443 or a local server; empty: Google's default.");
    public static final Setting<String> GCP_STT_PLAINTEXT = Setting.ofChoice("GCP_STT_PLAINTEXT", "auto",
            "Plaintext gRPC and no credentials (a local server); auto: only for a localhost/127.0.0.1/[::1] endpoint.",
            "auto", "true", "false");
    public static final Setting<Integer> GCP_STT_CHANNELS = Setting.ofInt("GCP_STT_CHANNELS", 0, 0, 256,
            "connections", "gRPC connections shared by all calls (a connection carries at most 100 streams); "
                    + "0: one per 50 MAX_CALLS, at most 64.");
    public static final Setting<Integer> GCP_STT_RESTART_MS = Setting.ofInt("GCP_STT_RESTART_MS", 270_000, 0,
            295_000, "ms", "Stream audio after which a stream is renewed at the next utterance boundary (Google ends "
                    + "streams at 305 s; renewal is forced at 295 s); 0: only when Google ends it.");
    public static final Setting<Integer> GCP_STT_STALL_MS = Setting.ofInt("GCP_STT_STALL_MS", 5000, 1000, 60_000,
            "ms", "Caller speech sent with no answer for this long (in caller audio) restarts the stream.");
    public static final Setting<Integer> GCP_STT_REPLAY_MAX_MS = Setting.ofInt("GCP_STT_REPLAY_MAX_MS", 10_000, 1000,
            60_000, "ms", "Caller audio kept per call (8 bytes/ms) to replay what no final covers yet into a new "
                    + "stream.");
    public static final Setting<Integer> STT_OUTAGE_FALLBACK_MS = Setting.ofInt("STT_OUTAGE_FALLBACK_MS", 3000, 0,
            60_000, "ms", "Recognition down this long (in caller audio) is reported once to the conversation, so it "
                    + "can say a short fallback line.");

    // --- LLM dialog (DIALOG_PROVIDER=openai|anthropic) ---
    public static final Setting<String> OPENAI_API_KEY = Setting.ofString("OPENAI_API_KEY", "", "a key",
            "API key for DIALOG_PROVIDER=openai; may stay empty for a server on localhost. Never logged.");
    public static final Setting<String> OPENAI_BASE_URL = Setting.ofString("OPENAI_BASE_URL",
            "https://api.openai.com/v1", "http(s)://host[:port]/path",
            "OpenAI-compatible API (Ollama: http://localhost:11434/v1, vLLM: http://localhost:8000/v1).");
    public static final Setting<String> OPENAI_MODEL = Setting.ofString("OPENAI_MODEL", "gpt-4o-mini", "a model",
            "Chat model for DIALOG_PROVIDER=openai (as the server names it, e.g. llama3.1 on Ollama).");
    public static final Setting<String> ANTHROPIC_API_KEY = Setting.ofString("ANTHROPIC_API_KEY", "", "a key",
            "API key for DIALOG_PROVIDER=anthropic; may stay empty for a server on localhost. Never logged.");
    public static final Setting<String> ANTHROPIC_BASE_URL = Setting.ofString("ANTHROPIC_BASE_URL",
            "https://api.anthropic.com", "http(s)://host[:port]", "Anthropic Messages API (/v1/messages is added).");
    public static final Setting<String> ANTHROPIC_MODEL = Setting.ofString("ANTHROPIC_MODEL", "claude-haiku-4-5",
            "a model", "Model for DIALOG_PROVIDER=anthropic.");
    public static final Setting<String> LLM_SYSTEM_PROMPT_FILE = Setting.ofString("LLM_SYSTEM_PROMPT_FILE", "",
            "a UTF-8 text file", "The LLM's instructions; empty: the built-in phone receptionist in LANGUAGE.");
    public static final Setting<String> LLM_GREETING = Setting.ofString("LLM_GREETING", "", "text",
            "What the LLM dialog says first (GREETING_TEXT wins when set); empty: a built-in line in LANGUAGE.");
    public static final Setting<Integer> LLM_FIRST_TOKEN_TIMEOUT_MS = Setting.ofInt("LLM_FIRST_TOKEN_TIMEOUT_MS",
            4000, 200, 60_000, "ms", "A reply with no first word (or action) by then is abandoned; the caller hears "
                    + "the fallback line.");
    public static final Setting<Integer> LLM_STALL_TIMEOUT_MS = Setting.ofInt("LLM_STALL_TIMEOUT_MS", 5000, 200,
            60_000, "ms", "After the first word, a stream that sends nothing for this long is abandoned.");
    public static final Setting<Integer> LLM_MAX_TOKENS = Setting.ofInt("LLM_MAX_TOKENS", 300, 16, 32_000, "tokens",
            "Longest reply the model may write.");
    public static final Setting<String> LLM_TEMPERATURE = Setting.ofString("LLM_TEMPERATURE", "",
            "0–2 (Anthropic 0–1)", "Sampling temperature, e.g. 0.4; empty: the model's default (some take no other).");
    public static final Setting<Integer> LLM_HISTORY_TURNS = Setting.ofInt("LLM_HISTORY_TURNS", 20, 1, 1000, "turns",
            "Caller turns (each with its reply) the LLM is sent back; older ones are dropped.");

    // --- Cloud text-to-speech (TTS_PROVIDER=google|elevenlabs|openai) ---
    public static final Setting<Integer> TTS_STALL_TIMEOUT_MS = Setting.ofInt("TTS_STALL_TIMEOUT_MS", 5000, 100,
            60_000, "ms", "A cloud TTS that sends no audio for this long (after the request or the last chunk) fails "
                    + "that sentence.");
    public static final Setting<Boolean> TTS_CACHE = Setting.ofBool("TTS_CACHE", true,
            "Fixed phrases (greeting, fallback lines) are synthesised once by a cloud TTS and replayed from disk.");
    public static final Setting<String> TTS_CACHE_DIR = Setting.ofString("TTS_CACHE_DIR", ".kol/tts-cache",
            "a directory", "Where cached phrases are kept, one file per provider, voice, rate and text.");
    public static final Setting<String> GCP_TTS_VOICE = Setting.ofString("GCP_TTS_VOICE", "he-IL-Wavenet-A",
            "a voice name", "Google voice; a Chirp3-HD voice (e.g. he-IL-Chirp3-HD-Aoede) streams as it speaks.");
    public static final Setting<String> GCP_TTS_LANGUAGE = Setting.ofString("GCP_TTS_LANGUAGE", "he-IL",
            "a BCP 47 tag", "Language code sent with the Google voice.");
    public static final Setting<String> GCP_TTS_SPEAKING_RATE = Setting.ofString("GCP_TTS_SPEAKING_RATE", "1.0",
            "0.25–4.0", "Google speaking rate; 1.0 is the voice's natural speed.");
    public static final Setting<String> GCP_TTS_ENDPOINT = Setting.ofString("GCP_TTS_ENDPOINT", "", "host:port",
            "Google TTS endpoint; empty: texttospeech.googleapis.com:443. localhost/127.x: plaintext, no credentials.");
    public static final Setting<String> ELEVENLABS_API_KEY = Setting.ofString("ELEVENLABS_API_KEY", "", "a key",
            "ElevenLabs API key (sent as xi-api-key). Never logged.");
    public static final Setting<String> ELEVENLABS_VOICE_ID = Setting.ofString("ELEVENLABS_VOICE_ID", "", "a voice id",
            "ElevenLabs voice to speak with.");
    public static final Setting<String> ELEVENLABS_MODEL = Setting.ofString("ELEVENLABS_MODEL", "eleven_v3",
            "a model id", "ElevenLabs model; eleven_v3 is the one that speaks Hebrew.");
    public static final Setting<String> ELEVENLABS_BASE_URL = Setting.ofString("ELEVENLABS_BASE_URL",
            "https://api.elevenlabs.io", "http(s)://host[:port]", "ElevenLabs API base URL.");
    public static final Setting<String> OPENAI_TTS_MODEL = Setting.ofString("OPENAI_TTS_MODEL", "gpt-4o-mini-tts",
            "a model id", "OpenAI speech model (at OPENAI_BASE_URL, with OPENAI_API_KEY).");
    public static final Setting<String> OPENAI_TTS_VOICE = Setting.ofString("OPENAI_TTS_VOICE", "alloy", "a voice",
            "OpenAI voice.");

    // --- Offline recognition (STT_PROVIDER=whisper) ---
    public static final Setting<String> WHISPER_MODEL = Setting.ofString("WHISPER_MODEL", "models/ggml-whisper-he.bin",
            "a file", "whisper.cpp (ggml) model used when STT_PROVIDER=whisper; see docs/whisper.md.");
    public static final Setting<String> WHISPER_LANGUAGE = Setting.ofString("WHISPER_LANGUAGE", "he",
            "a language code", "Language Whisper transcribes (ISO 639-1, e.g. he, en).");
    public static final Setting<Integer> WHISPER_THREADS = Setting.ofInt("WHISPER_THREADS", 0, 0, 64, "threads",
            "CPU threads per transcription; 0 = all cores. Utterances are transcribed one at a time.");

    /** Every declared setting, in declaration order. */
    public static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>();
        for (Field field : Knobs.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
                try {
                    all.add((Setting<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return all;
    }
}
