/** OpenAI and OpenAI-compatible servers (Ollama, vLLM): the streaming chat-completions dialog and text-to-speech. */
package kol.provider.openai;
