/** What providers share: cancellation and audio formats. The ports are in the stt, dialog and tts packages. */
package kol.provider;
