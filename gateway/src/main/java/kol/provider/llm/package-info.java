/** What the LLM dialog adapters share: the SSE reader, per-call chat memory, tool calls, prompts, streaming. */
package kol.provider.llm;
