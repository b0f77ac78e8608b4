package gg.pewstats.collectors.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StageMessagesTest {

    private final StageMessages messages = new StageMessages();
    private static final String OK = "{\"match_id\":\"4a57679f-6b4b-4d4c-85ea-72e2e8272c77\",\"map_name\":\"Rondo\","
            + "\"game_mode\":\"squad\",\"match_datetime\":\"2026-04-15T21:45:33Z\",\"telemetry_url\":null,\"extra\":[1]}";

    @Test
    void acceptsAValidMessageWithUnknownFields() {
        Map<String, Object> m = messages.readDiscovered(OK);
        assertThat(m).containsEntry("match_id", "4a57679f-6b4b-4d4c-85ea-72e2e8272c77").containsEntry("map_name", "Rondo");
    }

    @Test
    void rejectsMatchIdsThatCouldLeaveTheStorageFolder() {
        for (String id : new String[] {"../x", "..", "a/b", "a\\\\b", "/etc", "x\\u0000y", "a..b", ".hidden"}) {
            String body = OK.replace("4a57679f-6b4b-4d4c-85ea-72e2e8272c77", id);
            assertThatThrownBy(() -> messages.readDiscovered(body)).as(id)
                    .isInstanceOf(InvalidMessageException.class).hasMessageContaining("match_id");
        }
    }

    @Test
    void namesTheFieldThatIsMissingOrMistyped() {
        assertThatThrownBy(() -> messages.readDiscovered("{\"match_id\":\"m1\",\"map_name\":\"x\",\"game_mode\":\"y\"}"))
                .hasMessage("missing required field 'match_datetime'");
        assertThatThrownBy(() -> messages.readDiscovered(OK.replace("\"Rondo\"", "7")))
                .hasMessage("field 'map_name' must be a non-empty string, was number");
        assertThatThrownBy(() -> messages.readDiscovered("[1,2]")).hasMessage("message is not a JSON object");
        assertThatThrownBy(() -> messages.readDiscovered("")).hasMessage("empty message body");
    }
}
