package gg.pewstats.collectors.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values from outside cannot forge a log line or reorder what a reader sees; secrets in URLs are masked. */
class LogSafeTest {

    @Test
    void controlAndBidiCharactersAreShownAsEscapes() {
        assertThat(LogSafe.escape("plain-match-id_1.2")).isEqualTo("plain-match-id_1.2");
        assertThat(LogSafe.escape("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(LogSafe.escape("x\u202Eexe.txt\u2066\u200F\u0000\u009B")).isEqualTo("x\\u202Eexe.txt\\u2066\\u200F\\u0000\\u009B");
        assertThat(LogSafe.escape("Ünïcode ok 名前")).isEqualTo("Ünïcode ok 名前");
        assertThat(LogSafe.escape(null)).isNull();
    }

    @Test
    void userInfoIsMaskedWhereverAUrlShowsIt() {
        assertThat(Secrets.jdbcUrlForLog("jdbc:postgresql://root:S3cretPw@db:5432/pewstats?password=x"))
                .isEqualTo("jdbc:postgresql://…@db:5432/pewstats?…");
        assertThat(Secrets.jdbcUrlForLog("jdbc:postgresql://db:5432/pewstats")).isEqualTo("jdbc:postgresql://db:5432/pewstats");
        assertThat(Secrets.maskUserInfo("java.net.UnknownHostException: root:S3cretPw@127.0.0.1"))
                .isEqualTo("java.net.UnknownHostException: …@127.0.0.1");
        assertThat(Failures.reason(new RuntimeException("wrapper", new OutOfMemoryError("Java heap space"))))
                .isEqualTo("OutOfMemoryError: Java heap space");
    }
}
