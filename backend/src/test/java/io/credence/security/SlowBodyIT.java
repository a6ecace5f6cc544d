package io.credence.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.support.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Finding 3: slow request bodies must not starve the server. More slow senders than Tomcat's
 * classic worker pool (200) each promise 10,000 bytes and trickle one byte a second; normal
 * requests must keep answering, and the server must drop every slow sender.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlowBodyIT {

  private static final int SLOW_SENDERS = 260;

  @LocalServerPort int port;

  @Test
  void finding3_slowSendersAreDroppedWhileNormalRequestsKeepAnswering() throws Exception {
    ApiClient session = new ApiClient(port);
    session.nonce(); // session + CSRF token, so the body is really read by the controller
    String cookies =
        "CREDENCE_SESSION="
            + session.cookie("CREDENCE_SESSION")
            + "; XSRF-TOKEN="
            + session.csrfCookie();
    String head =
        "POST /api/v1/auth/siwe HTTP/1.1\r\n"
            + "Host: localhost:"
            + port
            + "\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n"
            + "Cookie: "
            + cookies
            + "\r\nX-XSRF-TOKEN: "
            + session.csrfCookie()
            + "\r\n\r\n{";
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < SLOW_SENDERS; i++) {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(1);
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        slow.add(socket);
      }
      HttpClient normal = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      boolean[] dropped = new boolean[SLOW_SENDERS];
      int answered = 0;
      // Trickle one byte a second to every slow sender for up to 40 s, asking a normal request
      // each second; stop once the server has dropped them all.
      for (int second = 0; second < 40 && !allTrue(dropped); second++) {
        for (int i = 0; i < SLOW_SENDERS; i++) {
          if (!dropped[i]) {
            dropped[i] = trickle(slow.get(i));
          }
        }
        HttpResponse<String> health =
            normal.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        answered++;
        Thread.sleep(1000);
      }
      assertThat(answered).isPositive();
      int count = 0;
      for (boolean d : dropped) {
        count += d ? 1 : 0;
      }
      assertThat(count).as("slow senders dropped by the server").isEqualTo(SLOW_SENDERS);
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  /** Sends one byte; true once the server has answered or closed the connection. */
  private static boolean trickle(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      try {
        int b = in.read();
        if (b == -1 || b == 'H') { // EOF, or the start of "HTTP/1.1 408"
          return true;
        }
      } catch (SocketTimeoutException nothingYet) {
        // still open and silent
      }
      OutputStream out = socket.getOutputStream();
      out.write(' ');
      out.flush();
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private static boolean allTrue(boolean[] values) {
    for (boolean v : values) {
      if (!v) {
        return false;
      }
    }
    return true;
  }
}
