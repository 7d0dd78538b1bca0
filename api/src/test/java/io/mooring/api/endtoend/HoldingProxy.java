package io.mooring.api.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on loopback in front of a registry that can hold new connections until told to
 * let them through. Validation asks the registry for the image's digest, so holding catches Mooring
 * in the middle of validating, for as long as a test needs, instead of within a window of
 * milliseconds.
 */
final class HoldingProxy implements AutoCloseable {

  private static final int HOLD_AT_MOST_SECONDS = 120;

  private final String upstreamHost;
  private final int upstreamPort;
  private final ServerSocket server;
  private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "holding-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger held = new AtomicInteger();
  private volatile CountDownLatch letThrough = new CountDownLatch(0);

  /** @param upstream host:port of the registry, on loopback */
  HoldingProxy(String upstream) {
    this.upstreamHost = upstream.substring(0, upstream.lastIndexOf(':'));
    this.upstreamPort = Integer.parseInt(upstream.substring(upstream.lastIndexOf(':') + 1));
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    connections.submit(this::acceptForever);
  }

  /** host:port to use in image names instead of the registry's own. */
  String address() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** From now on, new connections wait until {@link #letThrough()}. */
  void hold() {
    held.set(0);
    letThrough = new CountDownLatch(1);
  }

  /** Connections waiting since {@link #hold()}. */
  int held() {
    return held.get();
  }

  void letThrough() {
    letThrough.countDown();
  }

  private void acceptForever() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.submit(() -> forward(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void forward(Socket client) {
    CountDownLatch gate = letThrough;
    try (client) {
      if (gate.getCount() > 0) {
        held.incrementAndGet();
        gate.await(HOLD_AT_MOST_SECONDS, TimeUnit.SECONDS);
      }
      try (Socket upstream = new Socket(upstreamHost, upstreamPort)) {
        var back = connections.submit(() -> pump(upstream.getInputStream(), client.getOutputStream(), client));
        pump(client.getInputStream(), upstream.getOutputStream(), upstream);
        back.get();
      }
    } catch (Exception connectionEnded) {
      // Either side hung up: the other one is closed with it.
    }
  }

  /** Copies until the source ends, then tells the other side nothing more is coming. */
  private static Void pump(InputStream from, OutputStream to, Socket toSocket) throws IOException {
    from.transferTo(to);
    to.flush();
    if (!toSocket.isClosed()) {
      toSocket.shutdownOutput();
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    letThrough();
    server.close();
    connections.shutdownNow();
  }
}
