package gg.pewstats.collectors.pubg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ApiKeyPoolTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();

    @Test
    void commaListTakesTheDefaultRateJsonItsOwn() {
        assertThat(ApiKeyPool.parse("aaaa1111, bbbb2222", 10)).extracting(ApiKeyPool.ApiKey::rpm).containsExactly(10, 10);
        assertThat(ApiKeyPool.parse("[{\"key\":\"aaaa1111\",\"rpm\":60},{\"key\":\"bbbb2222\"}]", 10))
                .extracting(ApiKeyPool.ApiKey::rpm).containsExactly(60, 10);
        assertThat(ApiKeyPool.parse("", 10)).isEmpty();
    }

    @Test
    void idsShowOnlyTheLastFourCharactersAndErrorsNeverEchoTheKeys() {
        assertThat(ApiKeyPool.parse("secret-key-abcd", 10)).extracting(ApiKeyPool.ApiKey::id).containsExactly("key1…abcd");
        assertThatThrownBy(() -> ApiKeyPool.parse("[{\"key\":\"secret-value\"", 10))
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void roundRobinSkipsRevokedKeysAndFailsClearlyWhenNoneIsLeft() {
        ApiKeyPool pool = new ApiKeyPool("key-one-1111,key-two-2222", 10);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Exchange exchange = new DefaultExchange(camel);
            pool.assign(exchange);
            used.add(exchange.getMessage().getHeader("Authorization", String.class));
        }
        assertThat(used).containsExactly("Bearer key-one-1111", "Bearer key-two-2222", "Bearer key-one-1111",
                "Bearer key-two-2222");

        Exchange rejected = new DefaultExchange(camel);
        pool.assign(rejected); // key one
        pool.revoke(rejected);
        for (int i = 0; i < 3; i++) {
            Exchange exchange = new DefaultExchange(camel);
            pool.assign(exchange);
            assertThat(exchange.getMessage().getHeader("Authorization")).isEqualTo("Bearer key-two-2222");
            assertThat(exchange.getProperty(ApiKeyPool.KEY_ID)).isEqualTo("key2…2222");
        }
        Exchange last = new DefaultExchange(camel);
        pool.assign(last);
        pool.revoke(last);
        assertThat(pool.hasKeys()).isFalse();
        assertThatThrownBy(() -> pool.assign(new DefaultExchange(camel)))
                .isInstanceOf(ApiKeyPool.NoUsableApiKeyException.class).hasMessageContaining("401");
    }

    private static ApiKeyPool pool(String name, String config, ApiKeyPool fallback) {
        ApiKeyPool pool = new ApiKeyPool();
        pool.setName(name);
        pool.setConfig(config);
        pool.setFallback(fallback);
        pool.init();
        return pool;
    }

    @Test
    void aPoolWithoutKeysHandsOutTheMainKeysAndAKeyInTwoPoolsHasOneRateWindow() {
        ApiKeyPool main = new ApiKeyPool("main-key-1111", 10);
        ApiKeyPool ranked = pool("ranked", "", main);
        ApiKeyPool tournament = pool("tournament", "[{\"key\":\"main-key-1111\",\"rpm\":10},{\"key\":\"own-key-2222\"}]", main);
        assertThat(ranked.sharesMainKeys()).isTrue();
        assertThat(tournament.sharesMainKeys()).isFalse();

        Exchange viaMain = new DefaultExchange(camel);
        main.assign(viaMain);
        Exchange viaRanked = new DefaultExchange(camel);
        ranked.assign(viaRanked);
        Exchange viaTournament = new DefaultExchange(camel);
        tournament.assign(viaTournament);
        Exchange ownKey = new DefaultExchange(camel);
        tournament.assign(ownKey);

        // the fallback is the main key itself; the same secret in the tournament pool shares its window
        assertThat(viaRanked.getProperty(ApiKeyPool.KEY_ID)).isEqualTo("key1…1111");
        assertThat(viaTournament.getProperty(ApiKeyPool.KEY_ID)).isEqualTo("tournament-key1…1111");
        assertThat(viaRanked.getProperty(ApiKeyPool.KEY_WINDOW)).isEqualTo(viaMain.getProperty(ApiKeyPool.KEY_WINDOW))
                .isEqualTo(viaTournament.getProperty(ApiKeyPool.KEY_WINDOW));
        assertThat(ownKey.getProperty(ApiKeyPool.KEY_WINDOW)).isNotEqualTo(viaMain.getProperty(ApiKeyPool.KEY_WINDOW));
        // the window names a digest, never the secret
        assertThat((String) ownKey.getProperty(ApiKeyPool.KEY_WINDOW)).doesNotContain("own-key").doesNotContain("2222");
        // a pool's own setting is named in its errors
        assertThatThrownBy(() -> pool("ranked", "[{\"key\":\"x\",\"rpm\":0}]", main))
                .hasMessageContaining("PUBG_RANKED_API_KEYS entry 1");
    }
}
