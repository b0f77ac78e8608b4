package gg.pewstats.collectors.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.testing.RouteTestSupport;
import gg.pewstats.collectors.testing.StubbedPubg;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The telemetry-download stage alone, on real PostgreSQL with the broker mocked at its edges and the CDN
 * played by WireMock: the file lands gzipped at matchID=&lt;id&gt;/raw.json.gz, the match is downloaded
 * and one match.processing.telemetry message names the file; a 403 (telemetry expired) fails the match.
 */
class TelemetryDownloadRouteTest extends RouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final StubbedPubg.PerClass API = new StubbedPubg.PerClass(1);

    private String matchId;

    @BeforeAll
    static void cdn() {
        API.get().api.stubFor(get(urlPathEqualTo("/telemetry/expired.json")).willReturn(aResponse().withStatus(403)));
    }

    @Override
    protected Properties settings() {
        Properties settings = new Properties();
        settings.put("telemetry.allowed-hosts", "localhost");
        settings.put("telemetry.allowed-schemes", "http");
        return settings;
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        matchId = API.get().matchIds.get(0);
        startStage("telemetry-download", "direct:match-telemetry");
        execute("INSERT INTO matches (match_id, status) VALUES (?, 'summarized')", matchId);
    }

    private String message(String url) {
        return "{\"match_id\":\"" + matchId + "\",\"telemetry_url\":\"" + url + "\",\"map_name\":\"Rondo\"}";
    }

    @Test
    void fileIsStoredGzippedAndTheProcessingMessageNamesIt() throws Exception {
        broker.expectedMessageCount(1);

        template.sendBody("direct:match-telemetry", message(API.get().api.baseUrl() + "/telemetry/" + matchId + ".json"));

        broker.assertIsSatisfied();
        Path file = storage.resolve("matchID=" + matchId).resolve("raw.json.gz");
        assertThat(file).isRegularFile();
        byte[] json;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            json = in.readAllBytes();
        }
        assertThat(JSON.readTree(json).isArray()).isTrue();
        assertThat(JSON.readTree(json).size()).isGreaterThan(100);
        assertThat(queryOne("SELECT status FROM matches WHERE match_id = ?", matchId)).isEqualTo("downloaded");
        var published = broker.getReceivedExchanges().get(0).getMessage();
        assertThat(published.getHeader("CamelSpringRabbitmqRoutingOverrideKey")).isEqualTo("match.processing.telemetry." + database);
        JsonNode processing = JSON.readTree(published.getBody(String.class));
        assertThat(processing.path("match_id").asText()).isEqualTo(matchId);
        assertThat(Path.of(processing.path("file_path").asText()).toAbsolutePath()).isEqualTo(file.toAbsolutePath());
        assertThat(deadLetters.getReceivedCounter()).isZero();
    }

    @Test
    void expiredTelemetryFailsTheMatchWithoutRetries() throws Exception {
        template.sendBody("direct:match-telemetry", message(API.get().api.baseUrl() + "/telemetry/expired.json"));

        assertThat(queryOne("SELECT status FROM matches WHERE match_id = ?", matchId)).isEqualTo("failed");
        assertThat((String) queryOne("SELECT error_message FROM matches WHERE match_id = ?", matchId)).contains("HTTP 403");
        assertThat(storage.resolve("matchID=" + matchId)).doesNotExist();
        assertThat(broker.getReceivedCounter()).isZero();
        assertThat(deadLetters.getReceivedCounter()).isZero();
    }
}
