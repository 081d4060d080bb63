package org.ngrelay.ng;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplyCacheTest {

    @Test
    void aCookieIsClaimedOnceAndAnsweredFromTheCacheAfterwards() {
        ReplyCache cache = new ReplyCache(30, TimeUnit.SECONDS, 10, 1000);
        assertThat(cache.claim("a")).isNull();
        ReplyCache.Entry running = cache.claim("a");
        assertThat(running).isNotNull();
        assertThat(running.reply()).as("still running").isNull();
        cache.complete("a", new byte[] {1, 2});
        assertThat(cache.claim("a").reply()).containsExactly(1, 2);
        assertThat(cache.bytes()).isEqualTo(2);
    }

    @Test
    void boundedByEntriesBytesAndAge() {
        ReplyCache byCount = new ReplyCache(30, TimeUnit.SECONDS, 3, 1 << 20);
        for (int i = 0; i < 10; i++) {
            byCount.claim("c" + i);
            byCount.complete("c" + i, new byte[10]);
        }
        assertThat(byCount.size()).isLessThanOrEqualTo(3);
        assertThat(byCount.claim("c9")).as("the newest stays").isNotNull();

        ReplyCache byBytes = new ReplyCache(30, TimeUnit.SECONDS, 1000, 100);
        for (int i = 0; i < 10; i++) {
            byBytes.claim("b" + i);
            byBytes.complete("b" + i, new byte[40]);
        }
        assertThat(byBytes.bytes()).isLessThanOrEqualTo(140);

        ReplyCache byAge = new ReplyCache(0, TimeUnit.NANOSECONDS, 1000, 1 << 20);
        byAge.claim("old");
        byAge.complete("old", new byte[1]);
        assertThat(byAge.claim("new")).isNull();
        assertThat(byAge.claim("old")).as("expired").isNull();
    }
}
