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
}
