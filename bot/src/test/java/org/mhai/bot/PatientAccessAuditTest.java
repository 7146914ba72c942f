// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The access rule and the audit: a therapist reads only assigned patients and those in the on-call
 * queue, every content read is in the audit log with who, which patient, what and why; the
 * patient page carries the decrypted conversation; takeover is exclusive, silences the bot and
 * hands messages to the channels (the socket address and {@code local.outbound}).
 */
class PatientAccessAuditTest {
  static AppFixture fx;
  static UUID tom;
  static UUID una;
  static String tomToken;
  static String unaToken;

  @BeforeAll
  static void start() {
    fx = AppFixture.start();
    tom = fx.createStaff("tom", "Tom Reyes", "therapist", "pw-tom-audit");
    una = fx.createStaff("una", "Una Park", "therapist", "pw-una-audit");
    tomToken = fx.login("tom", "pw-tom-audit");
    unaToken = fx.login("una", "pw-una-audit");
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static HttpResponse<Buffer> get(String token, String path) {
    return fx.http.get(fx.port(), "127.0.0.1", path).bearerTokenAuthentication(token).send().await();
  }

  private static HttpResponse<Buffer> post(String token, String path, JsonObject body) {
    var req = fx.http.post(fx.port(), "127.0.0.1", path).bearerTokenAuthentication(token);
    return (body == null ? req.send() : req.sendJsonObject(body)).await();
  }

  private static int audits(String action, String patient) throws Exception {
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select count(*) from audit_log where action = ? and patient_id = ?::uuid")) {
      st.setString(1, action);
      st.setString(2, patient);
      ResultSet rs = st.executeQuery();
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void a_therapist_reads_assigned_and_queued_patients_only_and_every_read_is_audited() throws Exception {
    String[] mine = PortalTestData.patient(fx, "I agree", "Yes, that's okay", "6");
    String[] other = PortalTestData.patient(fx, "I agree");
    PortalTestData.assign(fx, tom, mine[0]);

    HttpResponse<Buffer> page = get(tomToken, "/api/v1/patients/" + mine[0] + "?reason=weekly%20review");
    assertEquals(200, page.statusCode(), page.bodyAsString());
    JsonObject p = page.bodyAsJsonObject();
    assertEquals("assigned", p.getString("access"));
    String transcript = p.getJsonArray("conversations").getJsonObject(0).getJsonArray("messages").encode();
    assertTrue(transcript.contains("Yes, that's okay"), "decrypted for the allowed therapist");
    assertEquals(6, p.getJsonArray("moods").getJsonObject(0).getInteger("score"));
    assertTrue(p.containsKey("summary"));
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "select actor, role, action, detail->>'basis', detail->>'reason', at from audit_log "
            + "where patient_id = ?::uuid and action = 'patient.read'")) {
      st.setString(1, mine[0]);
      ResultSet rs = st.executeQuery();
      assertTrue(rs.next(), "the read is audited");
      assertEquals(tom.toString(), rs.getString(1));
      assertEquals("therapist", rs.getString(2));
      assertEquals("assigned", rs.getString(4));
      assertEquals("weekly review", rs.getString(5));
      assertTrue(rs.getTimestamp(6) != null);
    }

    // Not assigned, not in the queue: refused, and nothing is read.
    assertEquals(403, get(tomToken, "/api/v1/patients/" + other[0]).statusCode());
    assertEquals(0, audits("patient.read", other[0]));
    // The queue's patients are the on-call's to see, with the escalation as the reason.
    String[] crisis = PortalTestData.patient(fx, "I want to kill myself tonight");
    String escalation = PortalTestData.escalationOf(fx, crisis[0]);
    HttpResponse<Buffer> queued = get(unaToken, "/api/v1/patients/" + crisis[0]);
    assertEquals(200, queued.statusCode(), queued.bodyAsString());
    assertEquals("escalation " + escalation, queued.bodyAsJsonObject().getString("access"));
    assertEquals(1, audits("patient.read", crisis[0]));
    String summary = queued.bodyAsJsonObject().getJsonObject("summary").encode();
    assertTrue(summary.contains("kill myself") && summary.contains("\"risk\":\"high\""), summary);
    // Once resolved, it leaves the queue, and so does the access.
    assertEquals(200, post(unaToken, "/api/v1/escalations/" + escalation + "/resolve",
        new JsonObject().put("note", "Called; safe; follow-up booked.")).statusCode());
    assertEquals(403, get(unaToken, "/api/v1/patients/" + crisis[0]).statusCode());
    assertEquals(1, audits("patient.read", crisis[0]));

    // The list shows only whom I may see, and no content.
    String list = get(tomToken, "/api/v1/patients").bodyAsString();
    assertTrue(list.contains(mine[0]) && !list.contains(other[0]), list);
    // Admins see everyone; researchers no one.
    assertEquals(200, get(fx.adminToken(), "/api/v1/patients/" + other[0]).statusCode());
    assertEquals(1, audits("patient.read", other[0]));
    String rita = fx.createStaff("rita", "Rita Researcher", "researcher", "pw-rita-audit").toString();
    assertFalse(rita.isEmpty());
    assertEquals(403, get(fx.login("rita", "pw-rita-audit"), "/api/v1/patients/" + mine[0]).statusCode());
  }

  @Test
  void takeover_is_exclusive_silences_the_bot_and_reaches_the_channels() throws Exception {
    String[] s = PortalTestData.patient(fx, "I agree", "Yes, that's okay", "7", "skip");
    PortalTestData.assign(fx, tom, s[0]);
    PortalTestData.assign(fx, una, s[0]);
    String conv = "/api/v1/conversations/" + s[1];
    List<JsonObject> outbound = new CopyOnWriteArrayList<>();
    List<JsonObject> socket = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> out = fx.app.vertx().eventBus().consumer("local.outbound", m -> outbound.add(m.body()));
    MessageConsumer<JsonObject> sock = fx.app.vertx().eventBus().consumer("mhai.conversation." + s[1], m -> socket.add(m.body()));
    out.completion().await();
    sock.completion().await();
    try {
      HttpResponse<Buffer> claim = post(tomToken, conv + "/takeover", null);
      assertEquals(200, claim.statusCode(), claim.bodyAsString());
      assertEquals("Tom", claim.bodyAsJsonObject().getString("staffName"));
      assertEquals(409, post(unaToken, conv + "/takeover", null).statusCode(), "claims are exclusive");
      assertEquals(409, post(unaToken, conv + "/messages", new JsonObject().put("text", "hi")).statusCode());
      assertEquals(409, post(unaToken, conv + "/release", null).statusCode());
      String held = get(unaToken, "/api/v1/takeovers").bodyAsString();
      assertTrue(held.contains(s[1]) && held.contains("Tom"), "visible to other staff: " + held);

      HttpResponse<Buffer> said = post(tomToken, conv + "/messages", new JsonObject().put("text", "Hello, I'm Tom."));
      assertEquals(200, said.statusCode(), said.bodyAsString());
      assertEquals("therapist", said.bodyAsJsonObject().getString("from"));
      int framesBefore = socket.size();
      JsonObject patientTurn = fx.post(new JsonObject().put("sessionId", s[2]).put("token", s[3]), UUID.randomUUID(),
          "hi Tom, I had a long day at work").bodyAsJsonObject();
      assertTrue(patientTurn.getJsonArray("replies").isEmpty(), "the bot is silent: " + patientTurn.encode());
      waitFor(() -> socket.stream().skip(framesBefore).anyMatch(f -> "message".equals(f.getString("type"))));
      assertTrue(socket.stream().skip(framesBefore).noneMatch(f -> "typing".equals(f.getString("type"))),
          "no false 'typing…' while Tom holds the chat (issue #19): " + socket.subList(framesBefore, socket.size()));

      waitFor(() -> outbound.stream().anyMatch(o -> o.getString("conversationId").equals(s[1]) && "web".equals(o.getString("channel"))
          && "therapist".equals(o.getJsonObject("message").getString("from"))
          && "Tom".equals(o.getJsonObject("message").getString("staffName"))));
      assertTrue(outbound.stream().anyMatch(o -> o.getJsonObject("message").getString("text").contains("You are now talking to Tom")),
          "the notice goes to the channel adapters too");
      assertTrue(socket.stream().anyMatch(f -> new JsonObject().put("type", "takeover").put("active", true)
          .put("staffName", "Tom").equals(f)), socket.toString());

      assertEquals(200, post(tomToken, conv + "/release", null).statusCode());
      waitFor(() -> socket.stream().anyMatch(f -> new JsonObject().put("type", "takeover").put("active", false).equals(f)));
      JsonObject after = fx.post(new JsonObject().put("sessionId", s[2]).put("token", s[3]), UUID.randomUUID(), "help")
          .bodyAsJsonObject();
      assertFalse(after.getJsonArray("replies").isEmpty(), "the bot answers again after the release");

      for (String action : List.of("conversation.takeover", "conversation.staff_message", "conversation.release")) {
        assertTrue(audits(action, s[0]) >= 1, action + " is audited");
      }
    } finally {
      out.unregister().await();
      sock.unregister().await();
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier ok) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!ok.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "timed out");
      Thread.sleep(20);
    }
  }

  /**
   * Issue #19: resolving an escalation while holding its chat once left the patient with "talking to
   * Una", a silent bot, and a therapist who had lost access and could not hand back.
   */
  @Test
  void resolving_while_holding_the_chat_hands_it_back_and_nobody_is_stranded() throws Exception {
    String[] crisis = PortalTestData.patient(fx, "I want to kill myself tonight");
    String escalation = PortalTestData.escalationOf(fx, crisis[0]);
    String conv = "/api/v1/conversations/" + crisis[1];
    assertEquals(200, post(unaToken, conv + "/takeover", null).statusCode());
    // Taking over is a response: the escalation is acknowledged by Una, and its SLA stops.
    JsonObject acknowledged = get(unaToken, "/api/v1/escalations/" + escalation).bodyAsJsonObject();
    assertEquals("acknowledged", acknowledged.getString("status"), acknowledged.encode());
    assertEquals(una.toString(), acknowledged.getString("acknowledgedBy"));

    // Someone else resolving is told who is talking with the patient, and nothing changes.
    HttpResponse<Buffer> refused = post(tomToken, "/api/v1/escalations/" + escalation + "/resolve",
        new JsonObject().put("note", "Spoke to the patient."));
    assertEquals(409, refused.statusCode(), refused.bodyAsString());
    assertTrue(refused.bodyAsString().contains("Una"), refused.bodyAsString());
    assertTrue(get(unaToken, "/api/v1/takeovers").bodyAsString().contains(crisis[1]), "still held by Una");

    // The holder resolving hands the chat back first: the bot answers the patient again.
    HttpResponse<Buffer> resolved = post(unaToken, "/api/v1/escalations/" + escalation + "/resolve",
        new JsonObject().put("note", "Talked in the chat; safety plan agreed; GP tomorrow."));
    assertEquals(200, resolved.statusCode(), resolved.bodyAsString());
    assertFalse(get(fx.adminToken(), "/api/v1/takeovers").bodyAsString().contains(crisis[1]), "released");
    JsonObject after = fx.post(new JsonObject().put("sessionId", crisis[2]).put("token", crisis[3]), UUID.randomUUID(),
        "thank you").bodyAsJsonObject();
    assertFalse(after.getJsonArray("replies").isEmpty(), "the bot is back: " + after.encode());
  }

  @Test
  void the_holder_can_always_hand_back_even_after_losing_access() throws Exception {
    String[] crisis = PortalTestData.patient(fx, "I'm going to end it tonight, I have the pills here");
    String escalation = PortalTestData.escalationOf(fx, crisis[0]);
    String conv = "/api/v1/conversations/" + crisis[1];
    assertEquals(200, post(tomToken, conv + "/takeover", null).statusCode());
    // An admin resolves it elsewhere while the chat is held? Refused too: the holder must hand back first.
    assertEquals(409, post(fx.adminToken(), "/api/v1/escalations/" + escalation + "/resolve",
        new JsonObject().put("note", "Closed by admin.")).statusCode());
    // Tom's access goes (his escalation basis is resolved through the database, as another instance might),
    // and he can still hand the chat back.
    try (Connection c = TestServices.jdbc(fx.schema); var st = c.prepareStatement(
        "update escalation set status = 'resolved', resolved_at = now() where id = ?::uuid")) {
      st.setString(1, escalation);
      assertEquals(1, st.executeUpdate());
    }
    assertEquals(403, get(tomToken, "/api/v1/patients/" + crisis[0]).statusCode(), "no access any more");
    HttpResponse<Buffer> released = post(tomToken, conv + "/release", null);
    assertEquals(200, released.statusCode(), released.bodyAsString());
    assertFalse(get(fx.adminToken(), "/api/v1/takeovers").bodyAsString().contains(crisis[1]));
    assertTrue(audits("conversation.release", crisis[0]) >= 1, "the release is audited");
  }

  /**
   * Issue #16: an open conversation stream kept delivering a patient's messages to a therapist who had
   * lost access, for up to the 12-hour session, unaudited. Now the access rule is asked again.
   */
  @Test
  void a_conversation_stream_stops_when_its_reader_loses_access() throws Exception {
    String[] crisis = PortalTestData.patient(fx, "I want to kill myself tonight");
    String escalation = PortalTestData.escalationOf(fx, crisis[0]);
    var client = fx.clientVertx.createHttpClient();
    StringBuilder received = new StringBuilder();
    java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    var response = client.request(new io.vertx.core.http.RequestOptions().setMethod(io.vertx.core.http.HttpMethod.GET)
            .setHost("127.0.0.1").setPort(fx.port()).setURI("/api/v1/conversations/" + crisis[1] + "/stream")
            .putHeader("Authorization", "Bearer " + unaToken))
        .compose(req -> req.send()).await();
    assertEquals(200, response.statusCode());
    response.handler(b -> {
      synchronized (received) {
        received.append(b.toString());
      }
    });
    response.endHandler(v -> ended.countDown());
    fx.post(new JsonObject().put("sessionId", crisis[2]).put("token", crisis[3]), UUID.randomUUID(), "are you there");
    waitFor(() -> {
      synchronized (received) {
        return received.toString().contains("are you there");
      }
    });
    // Una's only basis, the escalation, is resolved by someone else; after the access check goes stale,
    // the next message is not delivered to her and the stream ends.
    assertEquals(200, post(tomToken, "/api/v1/escalations/" + escalation + "/resolve",
        new JsonObject().put("note", "Phoned; safe; follow-up booked.")).statusCode());
    Thread.sleep(5_500);
    fx.post(new JsonObject().put("sessionId", crisis[2]).put("token", crisis[3]), UUID.randomUUID(), "my secret plan");
    assertTrue(ended.await(10, java.util.concurrent.TimeUnit.SECONDS), "the stream ended");
    synchronized (received) {
      assertFalse(received.toString().contains("my secret plan"), "not delivered after access was lost");
    }
    assertTrue(audits("conversation.stream_ended", crisis[0]) >= 1, "and that is audited");
    client.close().await();
  }

  /**
   * Issue #16: the access rule was asked again only every few seconds, so a message written right after a
   * therapist lost access still reached her, and deliveries were not audited one by one. Now every frame is
   * checked and every delivered message audited before it is written.
   */
  @Test
  void every_frame_is_checked_and_audited_and_none_follows_the_loss_of_access() throws Exception {
    String[] crisis = PortalTestData.patient(fx, "I want to kill myself tonight");
    String escalation = PortalTestData.escalationOf(fx, crisis[0]);
    var client = fx.clientVertx.createHttpClient();
    StringBuilder received = new StringBuilder();
    java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    var response = client.request(new io.vertx.core.http.RequestOptions().setMethod(io.vertx.core.http.HttpMethod.GET)
            .setHost("127.0.0.1").setPort(fx.port()).setURI("/api/v1/conversations/" + crisis[1] + "/stream")
            .putHeader("Authorization", "Bearer " + unaToken))
        .compose(req -> req.send()).await();
    assertEquals(200, response.statusCode());
    response.handler(b -> {
      synchronized (received) {
        received.append(b.toString());
      }
    });
    response.endHandler(v -> ended.countDown());
    JsonObject patient = new JsonObject().put("sessionId", crisis[2]).put("token", crisis[3]);
    int before = audits("conversation.stream_delivered", crisis[0]);
    fx.post(patient, UUID.randomUUID(), "are you there");
    waitFor(() -> {
      synchronized (received) {
        return received.toString().contains("are you there");
      }
    });
    // the reply's frame follows the message's: wait for both deliveries' audit entries, not only the first frame
    waitFor(() -> {
      try {
        return audits("conversation.stream_delivered", crisis[0]) - before >= 2;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertTrue(audits("conversation.stream_delivered", crisis[0]) - before >= 2, "the message and the reply, each audited");
    assertEquals(200, post(tomToken, "/api/v1/escalations/" + escalation + "/resolve",
        new JsonObject().put("note", "Phoned; safe; follow-up booked.")).statusCode());
    // No wait for an access check to go stale: the very next message is not delivered.
    fx.post(patient, UUID.randomUUID(), "my secret plan");
    assertTrue(ended.await(10, java.util.concurrent.TimeUnit.SECONDS), "the stream ended");
    synchronized (received) {
      assertFalse(received.toString().contains("my secret plan"), "not delivered after access was lost");
    }
    client.close().await();
  }
}
