package kol.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kol.base.JsonReader.Token;
import org.junit.jupiter.api.Test;

/** The strict JSON reader: tokens, values in place, every kind of malformed text, and Jackson as the referee. */
class JsonReaderTest {
    private static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private final JsonReader reader = new JsonReader();

    @Test
    void readsEveryKindOfTokenInOrder() throws Exception {
        read(" {\"a\" : [1, -2.5e3, true, false, null, \"x\"], \"b\": {}, \"c\": []} ");

        List<Token> tokens = new ArrayList<>();
        for (Token t = reader.next(); t != null; t = reader.next()) {
            tokens.add(t);
        }

        assertThat(tokens).containsExactly(Token.START_OBJECT, Token.FIELD_NAME, Token.START_ARRAY, Token.NUMBER,
                Token.NUMBER, Token.TRUE, Token.FALSE, Token.NULL, Token.STRING, Token.END_ARRAY, Token.FIELD_NAME,
                Token.START_OBJECT, Token.END_OBJECT, Token.FIELD_NAME, Token.START_ARRAY, Token.END_ARRAY,
                Token.END_OBJECT);
    }

    @Test
    void matchesNamesAndReadsValuesInPlace() throws Exception {
        byte[][] names = JsonReader.names("event", "sequenceNumber", "payload");
        byte[] utf8 = "xx{\"sequenceNumber\":\" 42 \",\"event\":\"media\",\"payload\":\"AAEC\",\"n\":-7}yy"
                .getBytes(StandardCharsets.UTF_8);
        reader.reset(utf8, 2, utf8.length - 4);

        reader.next();
        reader.next();
        assertThat(reader.match(names)).isEqualTo(1);
        reader.next();
        assertThat(reader.longValue()).isEqualTo(42);
        reader.next();
        assertThat(reader.match(names)).isZero();
        reader.next();
        String known = "media";
        assertThat(reader.textSameAs(known)).isSameAs(known);
        assertThat(reader.textSameAs("video")).isEqualTo("media");
        reader.next();
        assertThat(reader.match(names)).isEqualTo(2);
        reader.next();
        assertThat(new String(reader.buffer(), reader.textStart(), reader.textLength(), StandardCharsets.US_ASCII))
                .isEqualTo("AAEC");
        reader.next();
        assertThat(reader.match(names)).isEqualTo(-1);
        reader.next();
        assertThat(reader.longValue()).isEqualTo(-7);
        assertThat(reader.next()).isEqualTo(Token.END_OBJECT);
        assertThat(reader.next()).isNull();
    }

    @Test
    void decodesEscapesAndMatchesEscapedNames() throws Exception {
        read("{\"n\\u0061me\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u05e9\\ud83d\\ude00 שלום\"}");

        reader.next();
        reader.next();
        assertThat(reader.escaped()).isTrue();
        assertThat(reader.match(JsonReader.names("id", "name"))).isEqualTo(1);
        reader.next();
        assertThat(reader.text()).isEqualTo("a\"b\\c/d\b\f\n\r\tש\uD83D\uDE00 שלום");
    }

    @Test
    void skipsWhatAValueOpens() throws Exception {
        read("{\"skip\":{\"a\":[1,{\"b\":[]}],\"c\":2},\"keep\":3}");
        reader.next();
        reader.next();
        reader.next();

        reader.skipChildren();

        assertThat(reader.next()).isEqualTo(Token.FIELD_NAME);
        assertThat(reader.text()).isEqualTo("keep");
    }

    @Test
    void refusesMalformedTextSayingWhatAndWhere() {
        assertRefused("", "unexpected end of input");
        assertRefused("{", "unexpected end of input");
        assertRefused("{\"a\":1", "unexpected end of input");
        assertRefused("{\"a\" 1}", "expected ':'");
        assertRefused("{a:1}", "expected a field name");
        assertRefused("{\"a\":1,}", "expected a field name");
        assertRefused("[1,]", "unexpected character ']'");
        assertRefused("[1 2]", "expected ',' or ']'");
        assertRefused("{\"a\":1 \"b\":2}", "expected ',' or '}'");
        assertRefused("{\"a\":1]", "expected ',' or '}'");
        assertRefused("{} {}", "trailing content");
        assertRefused("\"abc", "unterminated string");
        assertRefused("\"a\tb\"", "control character 0x09");
        assertRefused("\"\\x\"", "bad escape \\'x'");
        assertRefused("\"\\u12G4\"", "bad \\u escape");
        assertRefused("01", "trailing content");
        assertRefused("-", "bad number");
        assertRefused("1.", "no digit after '.'");
        assertRefused("1e+", "no digit in the exponent");
        assertRefused("tru", "unexpected character 't'");
        assertRefused("nul1", "unexpected character 'n'");
        assertRefused("'a'", "unexpected character '''");
        assertRefused("[".repeat(JsonReader.MAX_DEPTH + 1), "nested deeper than " + JsonReader.MAX_DEPTH);
        assertRefused("{\"a\":1}\u0000", "trailing content after the JSON value at byte 7");
    }

    @Test
    void longValueTakesIntegersAndDigitStringsOnly() throws Exception {
        read("[1.5, \"12a\", \"1234567890123456789\", true]");
        reader.next();
        reader.next();
        assertThatThrownBy(reader::longValue).isInstanceOf(NumberFormatException.class);
        reader.next();
        assertThatThrownBy(reader::longValue).isInstanceOf(NumberFormatException.class);
        reader.next();
        assertThatThrownBy(reader::longValue).isInstanceOf(NumberFormatException.class);
        reader.next();
        assertThatThrownBy(reader::longValue).isInstanceOf(NumberFormatException.class);
    }

    /**
     * Jackson (strict by default, one root value) as the referee: thousands of random documents, each also with a
     * few bytes changed to JSON's own punctuation, are accepted by both or refused by both, and read the same.
     */
    @Test
    void agreesWithJacksonOnRandomAndDamagedDocuments() throws Exception {
        Random random = new Random(20261125);
        String punctuation = "{}[]:,\"\\ 0123456789.-+eEtrufalsn/ux";
        int refused = 0;
        for (int i = 0; i < 4_000; i++) {
            String valid = JACKSON.writeValueAsString(randomValue(random, 0));
            assertThat(readTree(valid)).as(valid).isEqualTo(canonical(JACKSON.readTree(valid)));
            char[] damaged = valid.toCharArray();
            for (int k = random.nextInt(3); k >= 0; k--) {
                damaged[random.nextInt(damaged.length)] = punctuation.charAt(random.nextInt(punctuation.length()));
            }
            String text = new String(damaged);
            Object actual;
            try {
                actual = readTree(text);
            } catch (JsonSyntaxException e) {
                actual = null;
                refused++;
            } catch (NumberFormatException e) {
                continue; // valid JSON, but an exponent past what BigDecimal (and so the referee) can hold
            }
            Object expected = jackson(text);
            assertThat(actual).as(text).isEqualTo(expected);
        }
        assertThat(refused).as("damaged documents refused").isGreaterThan(1_000);
    }

    private void read(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        reader.reset(utf8, 0, utf8.length);
    }

    private void assertRefused(String text, String reason) {
        read(text);
        assertThatThrownBy(() -> {
            while (reader.next() != null) {
                reader.skipChildren();
            }
        }).isInstanceOf(JsonSyntaxException.class).hasMessageContaining(reason);
    }

    /** The document as a canonical tree (numbers as stripped decimals), read with the reader under test. */
    private Object readTree(String text) throws JsonSyntaxException {
        read(text);
        Object tree = value(reader.next());
        if (reader.next() != null) {
            throw new AssertionError("more than one value");
        }
        return tree;
    }

    private Object value(Token token) throws JsonSyntaxException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new java.util.LinkedHashMap<>();
                for (Token t = reader.next(); t == Token.FIELD_NAME; t = reader.next()) {
                    String name = reader.text();
                    object.put(name, value(reader.next()));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (Token t = reader.next(); t != Token.END_ARRAY; t = reader.next()) {
                    array.add(value(t));
                }
                return array;
            }
            case NUMBER -> {
                return new BigDecimal(reader.text()).stripTrailingZeros().toPlainString();
            }
            case STRING -> {
                return "s:" + reader.text();
            }
            case TRUE, FALSE, NULL -> {
                return token.name();
            }
            default -> throw new AssertionError("unexpected " + token);
        }
    }

    /** Jackson's reading of {@code text} in the same canonical form; null when it refuses it. */
    private static Object jackson(String text) {
        try (JsonParser parser = JACKSON.getFactory().createParser(text)) {
            JsonNode node = JACKSON.readTree(parser);
            if (node == null || parser.nextToken() != null) {
                return null;
            }
            return canonical(node);
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Object canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> object = new java.util.LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                object.put(field.getKey(), canonical(field.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isTextual()) {
            return "s:" + node.textValue();
        }
        return node.isNull() ? "NULL" : node.booleanValue() ? "TRUE" : "FALSE";
    }

    private static JsonNode randomValue(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = random.nextInt(depth >= 4 ? 5 : 7);
        switch (kind) {
            case 0 -> {
                return nodes.numberNode(random.nextInt(2_000_001) - 1_000_000);
            }
            case 1 -> {
                return nodes.numberNode(new BigDecimal(random.nextGaussian() * 1e6).movePointLeft(random.nextInt(8)));
            }
            case 2 -> {
                StringBuilder text = new StringBuilder();
                String alphabet = "abc \"\\/\n\tש€\u0001";
                for (int i = random.nextInt(8); i > 0; i--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return nodes.textNode(text.toString());
            }
            case 3 -> {
                return nodes.booleanNode(random.nextBoolean());
            }
            case 4 -> {
                return nodes.nullNode();
            }
            case 5 -> {
                ArrayNode array = nodes.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                return array;
            }
            default -> {
                ObjectNode object = nodes.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("k" + random.nextInt(5), randomValue(random, depth + 1));
                }
                return object;
            }
        }
    }
}
