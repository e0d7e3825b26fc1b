package io.textback.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/** The ports local mode listens on: refused at once, with the variable to change, when one is taken. */
final class LocalPorts {
  private LocalPorts() {}

  static void requireFree(Map<String, Integer> ports) {
    for (var e : ports.entrySet()) {
      if (!isFree(e.getValue())) {
        throw new IllegalStateException("port " + e.getValue() + " is taken (another local mode, or another program, "
            + "listens there): stop it, or choose another port with " + e.getKey() + "=...");
      }
    }
  }

  static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
