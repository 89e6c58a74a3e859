package br.com.regua.payment.pix.psp;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.client.RestClient;

/**
 * A PSP played by WireMock over HTTPS that demands a client certificate (mutual TLS), with keys and
 * certificates made for the run by the JDK's keytool: the PSP's (CN=localhost) and the client's,
 * each trusting the other's only. One per JVM.
 */
final class MutualTlsPsp {

  static final String PASSWORD = "changeit";
  static final Path DIR = start();
  static WireMockServer server;

  private MutualTlsPsp() {}

  private static Path start() {
    try {
      Path dir = Files.createTempDirectory("psp-tls");
      keypair(dir, "server.p12", "psp", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
      keypair(dir, "client.p12", "regua", "CN=regua-test-client", null);
      trust(dir, "server.p12", "psp", "client-trust.p12");
      trust(dir, "client.p12", "regua", "server-trust.p12");
      server =
          new WireMockServer(
              wireMockConfig()
                  .httpDisabled(true)
                  .dynamicHttpsPort()
                  .keystorePath(dir.resolve("server.p12").toString())
                  .keystorePassword(PASSWORD)
                  .keyManagerPassword(PASSWORD)
                  .keystoreType("PKCS12")
                  .needClientAuth(true)
                  .trustStorePath(dir.resolve("server-trust.p12").toString())
                  .trustStorePassword(PASSWORD)
                  .trustStoreType("PKCS12"));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      return dir;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static WireMockServer server() {
    return server;
  }

  /** Forgets every stub and request, and serves a token again. */
  static void reset() {
    server.resetAll();
    server.stubFor(
        post(urlEqualTo("/oauth/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"scope\":\"cobv.write cobv.read pix.read\"}")));
  }

  /** A client with the client certificate, or with none ({@code keyStore} null). */
  static PspClient client(String keyStore) {
    String base = "https://localhost:" + server.httpsPort();
    return new PspClient(
        new PspProperties(
            base + "/api/v2",
            base + "/oauth/token",
            "regua-client",
            "s3cret",
            keyStore == null ? null : DIR.resolve(keyStore).toString(),
            PASSWORD,
            DIR.resolve("client-trust.p12").toString(),
            PASSWORD,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5)),
        RestClient.builder(),
        Clock.systemUTC());
  }

  static PspClient client() {
    return client("client.p12");
  }

  private static void keypair(Path dir, String store, String alias, String dname, String san)
      throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                dname,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                dir.resolve(store).toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
    if (san != null) {
      args.addAll(List.of("-ext", san));
    }
    keytool(args);
  }

  private static void trust(Path dir, String from, String alias, String into)
      throws IOException, InterruptedException {
    Path cert = dir.resolve(alias + ".crt");
    keytool(
        List.of(
            "-exportcert",
            "-alias",
            alias,
            "-keystore",
            dir.resolve(from).toString(),
            "-storepass",
            PASSWORD,
            "-file",
            cert.toString()));
    keytool(
        List.of(
            "-importcert",
            "-noprompt",
            "-alias",
            alias,
            "-file",
            cert.toString(),
            "-keystore",
            dir.resolve(into).toString(),
            "-storetype",
            "PKCS12",
            "-storepass",
            PASSWORD));
  }

  private static void keytool(List<String> args) throws IOException, InterruptedException {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    List<String> command = new ArrayList<>();
    command.add(java.resolveSibling("keytool").toString());
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
    }
  }
}
