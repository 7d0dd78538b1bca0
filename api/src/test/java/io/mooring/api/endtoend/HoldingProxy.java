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
 * A TCP forwarder on loopback in front of a registry that can hold what callers send until told to
 * let it through, on new and already open connections alike. Validation asks the registry for the image's digest, so holding catches Mooring
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

  /** From now on, requests wait until {@link #letThrough()}. */
  void hold() {
    held.set(0);
    letThrough = new CountDownLatch(1);
  }

  /** Requests waiting since {@link #hold()}. */
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
    try (client; Socket upstream = new Socket(upstreamHost, upstreamPort)) {
      var back = connections.submit(() -> pump(upstream.getInputStream(), client.getOutputStream(), client, false));
      pump(client.getInputStream(), upstream.getOutputStream(), upstream, true);
      back.get();
    } catch (Exception connectionEnded) {
      // Either side hung up: the other one is closed with it.
    }
  }

  /**
   * Copies until the source ends, then tells the other side nothing more is coming. Bytes towards
   * the registry wait while a hold is on.
   */
  private Void pump(InputStream from, OutputStream to, Socket toSocket, boolean holdable)
      throws IOException, InterruptedException {
    byte[] buffer = new byte[16 * 1024];
    for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
      CountDownLatch gate = letThrough;
      if (holdable && gate.getCount() > 0) {
        held.incrementAndGet();
        gate.await(HOLD_AT_MOST_SECONDS, TimeUnit.SECONDS);
      }
      to.write(buffer, 0, read);
      to.flush();
    }
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
