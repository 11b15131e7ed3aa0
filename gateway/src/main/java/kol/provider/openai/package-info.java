/** OpenAI and OpenAI-compatible servers (Ollama, vLLM): the streaming chat-completions dialog. */
package kol.provider.openai;
