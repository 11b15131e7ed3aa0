package kol.provider.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import kol.provider.dialog.DialogAction;

/**
 * The actions a reply may ask for, offered to the model as tools: {@code hang_up} and {@code hand_off(target)}.
 * Both APIs describe a tool by a name, a description and a JSON Schema of its input; each adapter wraps these in
 * its own shape. The model's call needs no answer: the action ends the model's part in the call.
 */
public final class DialogTools {
    public static final String HANG_UP = "hang_up";
    public static final String HAND_OFF = "hand_off";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Tool> ALL = List.of(
            new Tool(HANG_UP, "End the call. Use it after saying goodbye, once the caller has nothing more to ask.",
                    schema(null)),
            new Tool(HAND_OFF, "Transfer the call to a person. Tell the caller in one short sentence first.",
                    schema("Who takes the call: a department or queue name, or a phone number; "
                            + "\"reception\" when unsure.")));

    private DialogTools() {
    }

    /**
     * One tool as the model is told of it.
     *
     * @param name the name the model calls it by
     * @param description when to use it
     * @param inputSchema the JSON Schema of its input (shared: do not modify)
     */
    public record Tool(String name, String description, ObjectNode inputSchema) {
    }

    /** Every tool, in a fixed order. */
    public static List<Tool> all() {
        return ALL;
    }

    /**
     * The action a tool call asks for, or empty for a tool Kol does not offer. Arguments that are not valid JSON are
     * read as none: a hand-off with no target still hands off.
     */
    public static Optional<DialogAction> action(String name, String argumentsJson) {
        if (HANG_UP.equals(name)) {
            return Optional.of(DialogAction.hangUp());
        }
        if (HAND_OFF.equals(name)) {
            return Optional.of(DialogAction.handOff(target(argumentsJson)));
        }
        return Optional.empty();
    }

    private static String target(String argumentsJson) {
        if (argumentsJson == null || argumentsJson.isBlank()) {
            return "";
        }
        try {
            JsonNode target = JSON.readTree(argumentsJson).path("target");
            return target.isValueNode() ? target.asText().strip() : "";
        } catch (JsonProcessingException e) {
            return "";
        }
    }

    private static ObjectNode schema(String targetDescription) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        if (targetDescription != null) {
            properties.putObject("target").put("type", "string").put("description", targetDescription);
            schema.putArray("required").add("target");
        }
        return schema;
    }
}
