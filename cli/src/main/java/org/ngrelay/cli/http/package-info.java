/**
 * {@code --listen-http}: the HTTP endpoint ({@link org.ngrelay.cli.http.HttpServer}: metrics,
 * ping, ng over HTTP, CLI over HTTP) and the Micrometer Prometheus registry behind
 * {@code /metrics} ({@link org.ngrelay.cli.http.Metrics}). Requests are handled on the endpoint's
 * own Netty event loop; a scrape waits for one reading taken on the media loops, and the scrape
 * itself runs under a lock on whichever thread completed that reading.
 */
package org.ngrelay.cli.http;
