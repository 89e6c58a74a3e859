package br.com.regua.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A desk user's password as {@code regua.security.users[].password} takes it: {@code
 * {bcrypt}$2a$10$…}. {@code bin/credentials desk-user} runs this from the jar, so a machine with
 * only Java (which the service needs anyway) makes the hash; the password comes on standard input,
 * never as an argument that {@code ps} or the shell's history would show.
 */
public final class PasswordHashes {

  private PasswordHashes() {}

  public static void main(String[] args) throws IOException {
    String password =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (password == null || password.isBlank()) {
      System.err.println("PasswordHashes: no password on standard input");
      System.exit(2);
    }
    System.out.println(hash(password));
  }

  static String hash(String password) {
    return "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
  }
}
