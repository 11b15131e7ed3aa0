package kol.provider.llm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kol.base.SettingsException;

/**
 * The system prompt and the greeting: the user's own (LLM_SYSTEM_PROMPT_FILE, LLM_GREETING) or the ones shipped
 * per language in {@code prompts/}: a phone receptionist who speaks in short sentences and writes no markdown.
 */
public final class Prompts {
    private Prompts() {
    }

    /** The text of {@code file}, or the built-in prompt for {@code language} when {@code file} is empty. */
    public static String systemPrompt(String file, String language) {
        if (file.isBlank()) {
            return builtIn("prompts/system-" + language + ".txt", language);
        }
        try {
            String text = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new SettingsException("LLM_SYSTEM_PROMPT_FILE=" + file + " is empty");
            }
            return text;
        } catch (IOException e) {
            throw new SettingsException("LLM_SYSTEM_PROMPT_FILE=" + file + " cannot be read: " + e);
        }
    }

    /** {@code text}, or the built-in greeting for {@code language} when {@code text} is empty. */
    public static String greeting(String text, String language) {
        return text.isBlank() ? builtIn("prompts/greeting-" + language + ".txt", language) : text.strip();
    }

    private static String builtIn(String resource, String language) {
        try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SettingsException("no built-in LLM prompt for LANGUAGE=" + language + " (" + resource
                        + "); set LLM_SYSTEM_PROMPT_FILE and LLM_GREETING");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + " from the class path", e);
        }
    }
}
