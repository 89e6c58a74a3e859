package br.com.regua.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The hash bin/credentials prints is one the desk's sign-in accepts, for that password only. */
class PasswordHashesTest {

  @Test
  void theHashIsABcryptTheSignInAccepts() {
    // given the hash of a password
    String hash = PasswordHashes.hash("correct horse battery staple");

    // then it is {bcrypt}, salted, and the delegating encoder the service uses checks it
    assertThat(hash).startsWith("{bcrypt}$2a$10$");
    assertThat(PasswordHashes.hash("correct horse battery staple")).isNotEqualTo(hash);
    PasswordEncoder signIn = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    assertThat(signIn.matches("correct horse battery staple", hash)).isTrue();
    assertThat(signIn.matches("correct horse battery stapler", hash)).isFalse();
  }
}
