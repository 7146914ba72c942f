// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhai.bot.config.AppConfig;
import org.mhai.bot.crypto.CryptoException;
import org.mhai.bot.crypto.KeyRing;

/**
 * Issue #16.5: erasure must hold on disk. A single-machine install (embedded PostgreSQL, generated
 * development key) seals a patient's messages, the patient erases themselves, and a thief then takes
 * a copy of the PostgreSQL data directory (after a CHECKPOINT, so the table files are current) and
 * the development master key. Searching every byte of the copy for the patient's wrapped data key
 * must find nothing, so none of the sealed messages (which a backup would still hold) can be opened;
 * a patient who was not erased is the control: their key is found in the copy and their messages open.
 */
class ErasureOnDiskTest {
  static AppFixture fx;

  @BeforeAll
  static void start() {
    fx = AppFixture.startEmbedded(Map.of("MHAI_CHAT_RATE_PER_MINUTE", "1000"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  record Patient(JsonObject session, UUID id, UUID conversation) {}

  record WrappedKey(String id, String masterKeyId, byte[] wrapped) {}

  record Sealed(UUID conversation, long seq, byte[] body) {}

  @Test
  void after_an_erasure_no_copy_of_the_data_directory_opens_the_erased_messages() throws Exception {
    Path pgData = pgDataDir();
    Patient erased = patientWith("my brother shouts at night", "I cannot sleep", "work is too much", "I feel alone",
        "nobody listens to me", "I cried on the bus today");
    Patient kept = patientWith("I walked by the river", "the dog was happy");
    List<WrappedKey> erasedKeys = keys(erased.id());
    List<Sealed> erasedBodies = sealed(erased.conversation());
    List<Sealed> keptBodies = sealed(kept.conversation());
    assertFalse(erasedKeys.isEmpty());
    assertTrue(erasedBodies.size() >= 10, "the erased patient's sealed messages: " + erasedBodies.size());
    KeyRing ring = KeyRing.of(Files.readString(devKeyFile()).trim(), List.of());
    assertEquals(erasedBodies.size(), opened(ring, erasedKeys, erasedBodies), "the bodies open with the key as it was");

    HttpResponse<Buffer> ask = erase(erased.session(), "");
    assertEquals(202, ask.statusCode(), ask.bodyAsString());
    HttpResponse<Buffer> done = erase(erased.session(), "?confirm=" + ask.bodyAsJsonObject().getString("confirm"));
    assertEquals(200, done.statusCode(), done.bodyAsString());
    awaitShredded(erased.id(), 60); // without a report the copy below still shows what is left on disk

    try (Connection c = superuser(); var st = c.createStatement()) {
      st.execute("checkpoint"); // the thief's best case: everything in shared buffers is in the files
    }
    Path copy = copyOf(pgData);
    byte[] everything = concatenated(copy);

    List<WrappedKey> foundErased = erasedKeys.stream().filter(k -> indexOf(everything, k.wrapped()) >= 0).toList();
    int recoverable = foundErased.isEmpty() ? 0 : opened(ring, foundErased, erasedBodies);
    assertEquals(0, recoverable, recoverable + " of " + erasedBodies.size()
        + " erased messages open with the master key and a copy of the data directory");
    assertEquals(List.of(), foundErased.stream().map(WrappedKey::id).toList(), "no wrapped key of the erased patient is on disk");

    List<WrappedKey> keptKeys = keys(kept.id());
    List<WrappedKey> foundKept = keptKeys.stream().filter(k -> indexOf(everything, k.wrapped()) >= 0).toList();
    assertEquals(keptKeys.size(), foundKept.size(), "the control: a live patient's wrapped key is in the copy");
    assertEquals(keptBodies.size(), opened(ring, foundKept, keptBodies), "and opens their messages");

    // The development master key is neither in the data directory nor in the folder that holds it.
    String devKey = Files.readString(devKeyFile()).trim();
    assertEquals(-1, indexOf(everything, devKey.getBytes(StandardCharsets.US_ASCII)), "the master key is not in the copy");
    assertFalse(devKeyFile().startsWith(pgData.getParent()), devKeyFile() + " is outside " + pgData.getParent());
    try (Stream<Path> files = Files.walk(pgData.getParent())) {
      assertTrue(files.filter(Files::isRegularFile).noneMatch(p -> p.getFileName().toString().equals("data.key")));
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(devKeyFile())));

    // Shredding lost nothing acknowledged: the other patient goes on, with every message they had.
    assertEquals(200, fx.post(kept.session(), UUID.randomUUID(), "still here").statusCode());
    assertTrue(sealed(kept.conversation()).size() > keptBodies.size());
    assertEquals(keptBodies.size(), opened(ring, keys(kept.id()), keptBodies));
  }

  @Test
  void a_transaction_open_since_before_the_erasure_defers_the_shredding_until_it_ends() throws Exception {
    Patient p = patientWith("the garden was quiet", "I miss my mother");
    List<WrappedKey> keys = keys(p.id());
    try (Connection old = superuser()) {
      // A reader whose snapshot predates the erasure (a long report, a pg_dump): the old row version must stay for it.
      old.setAutoCommit(false);
      old.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (var st = old.createStatement(); var rs = st.executeQuery("select count(*) from staff")) {
        assertTrue(rs.next());
      }
      HttpResponse<Buffer> ask = erase(p.session(), "");
      assertEquals(200, erase(p.session(), "?confirm=" + ask.bodyAsJsonObject().getString("confirm")).statusCode());
      assertFalse(awaitShredded(p.id(), 8), "not reported shredded while the old snapshot may still read the key");
      try (Connection c = superuser(); var st = c.createStatement()) {
        st.execute("checkpoint");
      }
      byte[] during = concatenated(copyOf(pgDataDir()));
      assertTrue(keys.stream().anyMatch(k -> indexOf(during, k.wrapped()) >= 0), "the kept row version is still on disk");
      old.commit();
    }
    assertTrue(awaitShredded(p.id(), 60), "shredded once the old transaction ended");
    try (Connection c = superuser(); var st = c.createStatement()) {
      st.execute("checkpoint");
    }
    byte[] after = concatenated(copyOf(pgDataDir()));
    assertTrue(keys.stream().noneMatch(k -> indexOf(after, k.wrapped()) >= 0), "and then gone from the data directory");
  }

  @Test
  void a_second_instance_running_as_the_role_that_owns_nothing_gets_its_erasures_shredded_too() throws Exception {
    Properties secrets = secrets();
    int port = pgPort();
    Map<String, String> env = new HashMap<>(fx.env);
    env.put("MHAI_DATA_DIR", Files.createTempDirectory("mhai-second").toString());
    env.put("MHAI_DATA_KEY", Files.readString(devKeyFile()).trim());
    env.put("MHAI_DATABASE_URL", "postgresql://mhai_app:" + secrets.getProperty("mhai_app") + "@127.0.0.1:" + port + "/mhai");
    env.put("MHAI_DATABASE_MIGRATION_URL",
        "postgresql://mhai_owner:" + secrets.getProperty("mhai_owner") + "@127.0.0.1:" + port + "/mhai");
    Application second = Application.start(AppConfig.from(env), AppFixture.sharedModels(), Clock.systemUTC());
    try {
      Patient p = patientWith(second.port(), "the train was late", "my hands shake before meetings");
      List<WrappedKey> keys = keys(p.id());
      HttpResponse<Buffer> ask = erase(second.port(), p.session(), "");
      assertEquals(200, erase(second.port(), p.session(), "?confirm=" + ask.bodyAsJsonObject().getString("confirm"))
          .statusCode());
      assertTrue(awaitShredded(p.id(), 60), "shredded (by whichever instance got the lock first)");
      try (Connection c = superuser(); var st = c.createStatement()) {
        st.execute("checkpoint");
      }
      byte[] after = concatenated(copyOf(pgDataDir()));
      assertTrue(keys.stream().noneMatch(k -> indexOf(after, k.wrapped()) >= 0), "gone from the data directory");
    } finally {
      second.stop();
    }
  }

  Patient patientWith(String... texts) throws Exception {
    return patientWith(fx.port(), texts);
  }

  Patient patientWith(int port, String... texts) throws Exception {
    HttpResponse<Buffer> created = fx.http.post(port, "127.0.0.1", "/api/v1/webchat/sessions")
        .sendJsonObject(new JsonObject()).await();
    assertEquals(200, created.statusCode(), created.bodyAsString());
    JsonObject s = created.bodyAsJsonObject();
    List<String> all = new ArrayList<>(List.of("I agree", "Yes, that's okay", "6"));
    all.addAll(List.of(texts));
    for (String t : all) {
      assertEquals(200, fx.http.post(port, "127.0.0.1", "/api/v1/webchat/sessions/" + s.getString("sessionId") + "/messages")
          .bearerTokenAuthentication(s.getString("token"))
          .sendJsonObject(new JsonObject().put("clientMessageId", UUID.randomUUID().toString()).put("text", t))
          .await().statusCode());
    }
    try (Connection c = superuser(); var st = c.prepareStatement(
        "select c.id, c.patient_id from webchat_session w join conversation c on c.id = w.conversation_id where w.id = ?::uuid")) {
      st.setString(1, s.getString("sessionId"));
      ResultSet rs = st.executeQuery();
      assertTrue(rs.next());
      return new Patient(s, UUID.fromString(rs.getString(2)), UUID.fromString(rs.getString(1)));
    }
  }

  static HttpResponse<Buffer> erase(JsonObject s, String query) {
    return erase(fx.port(), s, query);
  }

  static HttpResponse<Buffer> erase(int port, JsonObject s, String query) {
    return fx.http.delete(port, "127.0.0.1", "/api/v1/webchat/sessions/" + s.getString("sessionId") + query)
        .bearerTokenAuthentication(s.getString("token")).send().await();
  }

  /** Waits (at most {@code seconds}) until the service reports the erased patient's keys shredded on disk. */
  static boolean awaitShredded(UUID patient, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    do {
      try (Connection c = superuser(); var st = c.prepareStatement(
          "select count(*) from audit_log where action = 'keys.shredded' and jsonb_exists(detail->'patients', ?)")) {
        st.setString(1, patient.toString());
        ResultSet rs = st.executeQuery();
        rs.next();
        if (rs.getInt(1) > 0) {
          return true;
        }
      }
      Thread.sleep(250);
    } while (System.nanoTime() < deadline);
    return false;
  }

  static List<WrappedKey> keys(UUID patient) throws Exception {
    List<WrappedKey> out = new ArrayList<>();
    try (Connection c = superuser(); var st = c.prepareStatement(
        "select id, master_key_id, wrapped_key from patient_key where patient_id = ?::uuid and wrapped_key is not null")) {
      st.setString(1, patient.toString());
      ResultSet rs = st.executeQuery();
      while (rs.next()) {
        out.add(new WrappedKey(rs.getString(1), rs.getString(2), rs.getBytes(3)));
      }
    }
    return out;
  }

  static List<Sealed> sealed(UUID conversation) throws Exception {
    List<Sealed> out = new ArrayList<>();
    try (Connection c = superuser(); var st = c.prepareStatement(
        "select seq, body from conversation_event where conversation_id = ?::uuid and body is not null")) {
      st.setString(1, conversation.toString());
      ResultSet rs = st.executeQuery();
      while (rs.next()) {
        out.add(new Sealed(conversation, rs.getLong(1), rs.getBytes(2)));
      }
    }
    return out;
  }

  /** How many of {@code bodies} open with one of {@code keys} unwrapped by the master key. */
  static int opened(KeyRing ring, List<WrappedKey> keys, List<Sealed> bodies) {
    int n = 0;
    for (Sealed b : bodies) {
      for (WrappedKey k : keys) {
        try {
          SecretKey key = ring.unwrap(k.masterKeyId(), k.wrapped(), k.id());
          KeyRing.open(key, b.body(), KeyRing.aad("event", b.conversation().toString(), Long.toString(b.seq())));
          n++;
          break;
        } catch (CryptoException e) {
          // not this key
        }
      }
    }
    return n;
  }

  /** The embedded server's data directory: the folder holding PG_VERSION (not the unpacked binaries). */
  static Path pgDataDir() throws IOException {
    try (Stream<Path> s = Files.walk(fx.dataDir, 3)) {
      return s.filter(p -> p.getFileName().toString().equals("PG_VERSION") && !p.toString().contains("postgres-bin"))
          .map(Path::getParent).filter(p -> Files.exists(p.resolve("postmaster.pid"))).findFirst().orElseThrow();
    }
  }

  static Path devKeyFile() throws IOException {
    try (Stream<Path> s = Files.walk(fx.dataDir, 3)) {
      return s.filter(p -> p.getFileName().toString().equals("data.key")).findFirst().orElseThrow();
    }
  }

  static Connection superuser() throws Exception {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort() + "/mhai", "mhai_superuser",
        secrets().getProperty("mhai_superuser"));
  }

  static int pgPort() throws IOException {
    return Integer.parseInt(Files.readAllLines(pgDataDir().resolve("postmaster.pid")).get(3).trim());
  }

  static Properties secrets() throws IOException {
    Properties secrets = new Properties();
    Path file;
    try (Stream<Path> s = Files.walk(fx.dataDir, 3)) {
      file = s.filter(p -> p.getFileName().toString().equals("database.secrets")).findFirst().orElseThrow();
    }
    secrets.load(new StringReader(Files.readString(file)));
    return secrets;
  }

  /** A file-by-file copy of the running server's directory, as a backup tool or a thief would take it. */
  static Path copyOf(Path dir) throws IOException {
    Path to = Files.createTempDirectory("mhai-pgdata-copy");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      Path target = to.resolve(dir.relativize(f).toString());
      Files.createDirectories(target.getParent());
      try {
        Files.copy(f, target);
      } catch (NoSuchFileException e) {
        // removed while copying (a WAL segment): not in the copy
      }
    }
    return to;
  }

  static byte[] concatenated(Path dir) throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        out.write(Files.readAllBytes(f));
        out.write(new byte[64]); // no match across two files
      }
    }
    return out.toByteArray();
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      if (hay[i] != needle[0]) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
