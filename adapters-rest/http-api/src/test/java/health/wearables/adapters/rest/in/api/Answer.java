package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** One HTTP answer of the API as a client sees it. */
record Answer(int status, HttpHeaders headers, String body) {

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    JsonValue json() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    JsonObject object() {
        return json().asJsonObject();
    }

    JsonArray array() {
        return json().asJsonArray();
    }

    /**
     * The API's error shape and nothing else: {@code {"error": {"code", "message"}}} as JSON, the message written for a
     * reader, no exception text or stack trace.
     */
    Answer isError(int expectedStatus, String expectedCode) {
        assertThat(status).as(body).isEqualTo(expectedStatus);
        assertThat(header("Content-Type"))
                .as("Content-Type of " + body)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject answer = object();
        assertThat(answer.keySet()).as(body).containsExactly("error");
        JsonObject error = answer.getJsonObject("error");
        assertThat(error.keySet()).as(body).containsExactlyInAnyOrder("code", "message");
        assertThat(error.getString("code")).isEqualTo(expectedCode);
        assertThat(error.getString("message")).isNotBlank();
        assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("health.wearables");
        return this;
    }

    String message() {
        return object().getJsonObject("error").getString("message");
    }
}
