package org.ngrelay.ng.testing;

import java.util.Map;

/** An ng client over some transport (UDP, TCP, WebSocket): one request, its reply. */
public interface NgTransport extends AutoCloseable {

    Map<String, Object> request(Map<String, Object> dict);

    @Override
    void close();
}
