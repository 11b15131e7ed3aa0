/** Anthropic's Messages API: the streaming dialog. */
package kol.provider.anthropic;
