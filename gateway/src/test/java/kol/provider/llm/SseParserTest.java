package kol.provider.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private final List<String> events = new ArrayList<>();
    private final SseParser parser = new SseParser((type, data) -> events.add(type + "|" + data), 1024);

    @Test
    void dispatchesAnEventAtTheBlankLineThatEndsIt() {
        parser.feed("data: {\"a\":1}\n");
        assertThat(events).isEmpty();

        parser.feed("\n");
        assertThat(events).containsExactly("message|{\"a\":1}");
    }

    @Test
    void joinsSeveralDataLinesWithNewlines() {
        parser.feed("data: first\ndata: second\ndata:\n\n");

        assertThat(events).containsExactly("message|first\nsecond\n");
    }

    @Test
    void namesAnEventAndForgetsTheNameAfterIt() {
        parser.feed("event: content_block_delta\ndata: {}\n\ndata: [DONE]\n\n");

        assertThat(events).containsExactly("content_block_delta|{}", "message|[DONE]");
    }

    @Test
    void ignoresCommentsIdsRetriesAndUnknownFields() {
        parser.feed(": OPENROUTER PROCESSING\n\nid: 7\nretry: 100\nfoo: bar\ndata: x\n: mid-event comment\n\n");

        assertThat(events).containsExactly("message|x");
    }

    @Test
    void acceptsCrlfLfAndCrLineEnds() {
        parser.feed("data: crlf\r\n\r\ndata: lf\n\ndata: cr\r\rdata: mixed\r\n\n");

        assertThat(events).containsExactly("message|crlf", "message|lf", "message|cr", "message|mixed");
    }

    @Test
    void stripsOneSpaceAfterTheColonAndNoMore() {
        parser.feed("data:  two spaces\n\ndata:none\n\n");

        assertThat(events).containsExactly("message| two spaces", "message|none");
    }

    @Test
    void anEventWithoutDataIsNotDispatched() {
        parser.feed("event: ping\n\n\n\n");

        assertThat(events).isEmpty();
    }

    @Test
    void anEventLeftOpenWhenTheStreamEndsIsNeverDispatched() {
        parser.feed("data: {\"choices\":[{\"delta\":{\"content\":\"half");

        assertThat(events).isEmpty();
    }

    @Test
    void readsTheSameEventsWhereverTheStreamIsSplit() {
        String stream = "event: content_block_delta\r\ndata: {\"text\":\"שלום, מה שלומך?\"}\r\n\r\n"
                + ": keep-alive\n\ndata: line one\ndata: line two\n\ndata: [DONE]\r\n\r\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        List<String> whole = parse(List.of(bytes));

        assertThat(whole).containsExactly("content_block_delta|{\"text\":\"שלום, מה שלומך?\"}",
                "message|line one\nline two", "message|[DONE]");
        for (int split = 1; split < bytes.length; split++) {
            byte[] head = Arrays.copyOfRange(bytes, 0, split);
            byte[] tail = Arrays.copyOfRange(bytes, split, bytes.length);
            assertThat(parse(List.of(head, tail))).as("split at byte %d", split).isEqualTo(whole);
        }
        List<byte[]> oneByOne = new ArrayList<>();
        for (byte b : bytes) {
            oneByOne.add(new byte[] {b});
        }
        assertThat(parse(oneByOne)).isEqualTo(whole);
    }

    @Test
    void aLineLongerThanTheLimitIsRefused() {
        assertThatThrownBy(() -> parser.feed("data: " + "x".repeat(2000) + "\n\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1024 bytes");
    }

    private static List<String> parse(List<byte[]> reads) {
        List<String> out = new ArrayList<>();
        SseParser parser = new SseParser((type, data) -> out.add(type + "|" + data), 1024);
        for (byte[] read : reads) {
            parser.feed(ByteBuffer.wrap(read));
        }
        return out;
    }
}
