// SPDX-License-Identifier: GPL-3.0-or-later
package org.mhai.portal.auth;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.mhai.portal.AuditLog;
import org.mhai.portal.Role;
import org.mhai.portal.StaffAccounts;
import org.mhai.portal.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff sign-in (product.md §3): {@code POST /api/v1/auth/login} answers a session cookie
 * (HttpOnly, SameSite=Strict, Secure behind TLS) and a bearer token for API use. Cookie-
 * authenticated changes must echo the session's CSRF token in {@code X-CSRF-Token}; bearer
 * requests need not (a browser never adds that header by itself). Five failed sign-ins lock the
 * account for 1, 2, 4, … up to 60 minutes; made-up names lock the same way ({@link UnknownNameLocks}); the right
 * password and a fresh TOTP code lift a lock. Password checks run on the {@code auth} worker pool behind the
 * {@link SignInGate}.
 * Optional two-step sign-in ({@link Totp}): an account with a confirmed secret must send
 * {@code code} with the password; an admin can require it, and then the next sign-in enrols.
 */
public final class StaffAuth {
  public static final String SESSION_COOKIE = "mhai_session";
  public static final String CSRF_COOKIE = "mhai_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String STAFF_KEY = "mhai.staff";
  private static final int FREE_FAILURES = 5;
  private static final long MAX_LOCK_MINUTES = 60;
  private static final int UNLOCK_TRIES_PER_HOUR = 5;
  private static final int BUSY_RETRY_SECONDS = 5;
  /** The request-context key under which the service leaves the client's network address (behind trusted proxies). */
  public static final String CLIENT_ADDRESS = "mhai.clientAddress";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger LOG = LoggerFactory.getLogger(StaffAuth.class);

  private final StaffAccounts accounts;
  private final AuditLog audit;
  private final PasswordHasher hasher;
  private final WorkerExecutor authPool;
  private final Clock clock;
  private final Duration sessionTtl;
  private final TotpSecrets totp;
  private final boolean publicHttps;
  private final SignInGate gate;
  private final UnknownNameLocks unknownNames = new UnknownNameLocks(10_000, FREE_FAILURES, MAX_LOCK_MINUTES);
  /** Per account: {hour, wrong codes with the right password during a lock}; bounded. */
  private final java.util.LinkedHashMap<UUID, long[]> unlockTries = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(java.util.Map.Entry<UUID, long[]> eldest) {
      return size() > 10_000;
    }
  };

  /**
   * @param totp where TOTP secrets are kept (two-step sign-in, optional unless an admin requires it)
   * @param publicHttps the service's public URL is https (a TLS-terminating proxy in front): cookies get Secure
   * @param gate bounds the sign-ins in progress, in all and per network address
   */
  public StaffAuth(StaffAccounts accounts, AuditLog audit, PasswordHasher hasher, WorkerExecutor authPool, Clock clock,
      Duration sessionTtl, TotpSecrets totp, boolean publicHttps, SignInGate gate) {
    this.gate = gate;
    this.totp = totp;
    this.publicHttps = publicHttps;
    this.accounts = accounts;
    this.audit = audit;
    this.hasher = hasher;
    this.authPool = authPool;
    this.clock = clock;
    this.sessionTtl = sessionTtl;
  }

  public void mount(Router router) {
    router.post("/api/v1/auth/login").handler(this::login);
    router.post("/api/v1/auth/logout").handler(authenticated()).handler(this::logout);
    router.get("/api/v1/auth/me").handler(authenticated()).handler(ctx -> ctx.json(json(staff(ctx))));
    router.post("/api/v1/auth/totp").handler(authenticated()).handler(this::enrol);
    router.post("/api/v1/auth/totp/confirm").handler(authenticated()).handler(this::confirm);
  }

  /**
   * Whether the session that opened this (long-lived) request is still live: streams check it on
   * every heartbeat, so signing out, disabling an account or changing a role ends them.
   */
  public Future<Boolean> stillSignedIn(RoutingContext ctx) {
    String token = sessionToken(ctx);
    if (token == null) {
      return Future.succeededFuture(false);
    }
    StaffMember opened = staff(ctx);
    return accounts.session(sha256(token), clock.instant())
        .map(s -> s.isPresent() && opened != null && s.get().member().role() == opened.role())
        .otherwise(false);
  }

  private static boolean bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7;
  }

  /** The session token of a request: the bearer token, else the session cookie; null when neither. */
  public static String sessionToken(RoutingContext ctx) {
    String token;
    if (bearer(ctx)) {
      token = ctx.request().getHeader("Authorization").substring(7).trim();
    } else {
      Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
      token = cookie == null ? null : cookie.getValue();
    }
    return token == null || token.isEmpty() ? null : token;
  }

  /**
   * The client's network address: what the service resolved ({@link #CLIENT_ADDRESS}, trusted proxies honoured), else
   * the TCP peer.
   */
  public static String clientAddress(RoutingContext ctx) {
    String a = ctx.get(CLIENT_ADDRESS);
    if (a != null) {
      return a;
    }
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }

  /** The signed-in staff member of a request that passed {@link #authenticated()}. */
  public static StaffMember staff(RoutingContext ctx) {
    return ctx.get(STAFF_KEY);
  }

  /** Lets the request through only with a live session (bearer token or cookie + CSRF for changes). */
  public Handler<RoutingContext> authenticated() {
    return ctx -> {
      boolean bearer = bearer(ctx);
      String token = sessionToken(ctx);
      if (token == null) {
        ctx.fail(new HttpException(401, "sign in first: POST /api/v1/auth/login, then send Authorization: Bearer <token>"));
        return;
      }
      accounts.session(sha256(token), clock.instant()).onComplete(ar -> {
        if (ar.failed()) {
          ctx.fail(ar.cause());
          return;
        }
        Optional<StaffAccounts.Session> session = ar.result();
        if (session.isEmpty()) {
          ctx.fail(new HttpException(401, "the session has expired or was signed out; sign in again"));
          return;
        }
        if (!bearer && changes(ctx.request().method())
            && !MessageDigest.isEqual(bytes(session.get().csrfToken()), bytes(ctx.request().getHeader(CSRF_HEADER)))) {
          ctx.fail(new HttpException(403, "missing or wrong " + CSRF_HEADER + " header"));
          return;
        }
        ctx.put(STAFF_KEY, session.get().member());
        ctx.next();
      });
    };
  }

  /** Lets the request through only for the given roles (after {@link #authenticated()}). */
  public static Handler<RoutingContext> requireRole(Role first, Role... more) {
    Set<Role> allowed = EnumSet.of(first, more);
    return ctx -> {
      StaffMember s = staff(ctx);
      if (s == null || !allowed.contains(s.role())) {
        ctx.fail(new HttpException(403, "your role may not do this"));
      } else {
        ctx.next();
      }
    };
  }

  private void login(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      // A cross-site form can post text/plain without a preflight; JSON cannot (login CSRF, issue #16).
      ctx.fail(new HttpException(415, "sign-in takes a JSON body (Content-Type: application/json)"));
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      ctx.fail(new HttpException(400, "the body must be a JSON object with username and password"));
      return;
    }
    if (body == null || !(body.getValue("username") instanceof String username)
        || !(body.getValue("password") instanceof String password) || username.isBlank() || password.isEmpty()) {
      ctx.fail(new HttpException(400, "username and password are required"));
      return;
    }
    if (username.length() > 200 || password.length() > 4096) {
      ctx.fail(badCredentials()); // no account has such a name or password: nothing to hash or count
      return;
    }
    Object c0 = body.getValue("code");
    String code = c0 instanceof String str ? str : c0 instanceof Number n ? String.valueOf(n) : null;
    String address = clientAddress(ctx);
    // A place at the gate before anything is looked up or counted (issue #16): a full gate answers at once, and a
    // refused request neither uses up one of the account's attempts nor says anything about the username.
    Optional<Future<Void>> admitted = gate.run(address, () -> attempt(ctx, username.trim(), password, code));
    if (admitted.isEmpty()) {
      LOG.info("auth.busy in_progress={}", gate.inProgress());
      ctx.response().putHeader("Retry-After", Integer.toString(BUSY_RETRY_SECONDS));
      ctx.fail(new HttpException(503, "sign-in is busy; try again in a few seconds"));
      return;
    }
    admitted.get().onFailure(ctx::fail);
  }

  /** One sign-in, holding a place at the gate. */
  private Future<Void> attempt(RoutingContext ctx, String username, String password, String code) {
    Instant now = clock.instant();
    return accounts.byUsername(username).compose(found -> {
      if (found.isEmpty() || found.get().disabled()) {
        return unknownName(ctx, username, password, code, now);
      }
      StaffAccounts.Credentials c = found.get();
      // The attempt is counted (and the account locked from the fifth) before the password is checked, in one
      // atomic statement: a hundred parallel guesses get at most five checks, not one shared count (issue #16).
      return accounts.claimAttempt(c.member().id(), now, FREE_FAILURES, MAX_LOCK_MINUTES).compose(attempt -> {
        if (attempt.isEmpty()) {
          return whileLocked(ctx, c, password, code, now);
        }
        return hashing(() -> hasher.verify(password, c.passwordHash())).compose(ok -> {
          if (!ok) {
            LOG.info("auth.failed staff={} attempt={}", c.member().id(), attempt.get());
            return Future.failedFuture(badCredentials());
          }
          return totp.state(c.member().id()).compose(t -> secondStep(ctx, c, t, code, now));
        });
      });
    });
  }

  /**
   * A username with no account (or a disabled one): counted and locked exactly like a real account, with the same
   * hashing work and the same answers, so neither the answers nor the lock tell which names exist (issue #16).
   */
  private Future<Void> unknownName(RoutingContext ctx, String username, String password, String code, Instant now) {
    Optional<Integer> attempt = unknownNames.claim(username, now);
    Future<Void> work = attempt.isPresent() || hasCode(code)
        ? hashing(() -> {
          hasher.dummyVerify(password);
          return null;
        })
        : Future.succeededFuture();
    return work.compose(v -> attempt.isPresent() ? Future.failedFuture(badCredentials())
        : lockedAnswer(ctx, unknownNames.lockedUntil(username), now));
  }

  /**
   * A locked account. Without a code: {@code 429}, nothing checked. With a code, the owner can lift the lock (issue
   * #16, docs/portal.md "Lockout"): the right password and a fresh code from the account's authenticator sign in at
   * once and clear the lock. Anything else gets the same {@code 429}, so a guess made during a lock is never
   * confirmed. A right password with wrong codes is allowed {@link #UNLOCK_TRIES_PER_HOUR} an hour.
   */
  private Future<Void> whileLocked(RoutingContext ctx, StaffAccounts.Credentials c, String password, String code,
      Instant now) {
    UUID id = c.member().id();
    if (!hasCode(code)) {
      return locked(ctx, c.member().username(), now);
    }
    if (!unlockTriesLeft(id, now)) {
      // the same hashing work as any attempt with a code during a lock: the timing says nothing either
      return hashing(() -> {
        hasher.dummyVerify(password);
        return null;
      }).compose(v -> locked(ctx, c.member().username(), now));
    }
    return totp.state(id).compose(t -> hashing(() -> hasher.verify(password, c.passwordHash())).compose(ok -> {
      if (!ok || !t.enabled()) {
        return locked(ctx, c.member().username(), now);
      }
      OptionalLong step = Totp.verify(t.secret().get(), code, now, t.lastStep());
      if (step.isEmpty()) {
        spendUnlockTry(id, now);
        LOG.info("auth.unlock_failed staff={}", id);
        return locked(ctx, c.member().username(), now);
      }
      return totp.useStep(id, step.getAsLong()).compose(fresh -> {
        if (!fresh) {
          spendUnlockTry(id, now);
          return locked(ctx, c.member().username(), now);
        }
        LOG.info("auth.unlocked staff={}", id);
        return audit.record(c.member(), "staff.lock_lifted", null, null, null, new JsonObject())
            .compose(v -> startSession(ctx, c.member(), now));
      });
    }));
  }

  /** Password work on the {@code auth} pool (the gate bounds how many wait for it). */
  private <T> Future<T> hashing(java.util.concurrent.Callable<T> work) {
    return authPool.executeBlocking(work, false);
  }

  private static boolean hasCode(String code) {
    return code != null && !code.isBlank();
  }

  /** A locked account: 429 with when to try again, nothing checked. */
  private Future<Void> locked(RoutingContext ctx, String username, Instant now) {
    return accounts.byUsername(username)
        .compose(again -> lockedAnswer(ctx, again.flatMap(StaffAccounts.Credentials::lockedUntil), now));
  }

  /** The one answer for a locked name, real or not. */
  private static Future<Void> lockedAnswer(RoutingContext ctx, Optional<Instant> until, Instant now) {
    long seconds = until.map(u -> Math.max(1, Duration.between(now, u).toSeconds())).orElse(60L);
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    return Future.failedFuture(new HttpException(429,
        "too many failed sign-ins; try again in " + Math.max(1, (seconds + 59) / 60) + " minute(s)"));
  }

  private synchronized boolean unlockTriesLeft(UUID id, Instant now) {
    long[] w = unlockTries.get(id);
    long hour = now.getEpochSecond() / 3600;
    return w == null || w[0] != hour || w[1] < UNLOCK_TRIES_PER_HOUR;
  }

  private synchronized void spendUnlockTry(UUID id, Instant now) {
    long hour = now.getEpochSecond() / 3600;
    long[] w = unlockTries.get(id);
    unlockTries.put(id, w == null || w[0] != hour ? new long[] {hour, 1} : new long[] {hour, w[1] + 1});
  }

  /** A failed second step: already counted as an attempt; fails with {@code why}. */
  private Future<Void> failed(StaffAccounts.Credentials c, Instant now, HttpException why) {
    // The attempt was already counted (and the account locked if it was the fifth) by claimAttempt.
    LOG.info("auth.failed staff={} step=second", c.member().id());
    return Future.failedFuture(why);
  }

  /**
   * After a correct password: no TOTP → a session; TOTP on → the code must match (a wrong code
   * counts as a failed sign-in); TOTP required but not set up → enrol now: the answer carries a
   * new secret and the next sign-in with a code from it confirms it.
   */
  private Future<Void> secondStep(RoutingContext ctx, StaffAccounts.Credentials c, TotpSecrets.State t, String code,
      Instant now) {
    UUID id = c.member().id();
    if (t.enabled()) {
      if (code == null || code.isBlank()) {
        return needCode(ctx, "enter the 6-digit code from your authenticator app", null);
      }
      OptionalLong step = Totp.verify(t.secret().get(), code, now, t.lastStep());
      if (step.isEmpty()) {
        return failed(c, now, new HttpException(401, "wrong or expired code"));
      }
      return totp.useStep(id, step.getAsLong()).compose(fresh -> fresh
          ? startSession(ctx, c.member(), now)
          : failed(c, now, new HttpException(401, "wrong or expired code")));
    }
    if (!t.required()) {
      return startSession(ctx, c.member(), now);
    }
    if (code != null && !code.isBlank() && t.pending().isPresent()) {
      OptionalLong step = Totp.verify(t.pending().get(), code, now, 0);
      if (step.isEmpty()) {
        return failed(c, now, new HttpException(401, "wrong or expired code"));
      }
      return totp.confirm(id, step.getAsLong(), now)
          .compose(v -> audit.record(c.member(), "staff.totp_confirm", null, null, null, new JsonObject()))
          .compose(v -> startSession(ctx, c.member(), now));
    }
    byte[] secret = t.pending().orElseGet(Totp::newSecret);
    return totp.savePending(id, secret, now).compose(v -> needCode(ctx,
        "two-step sign-in is required for this account: add the key to your authenticator app, then sign in with its code",
        enrolment(c.member(), secret)));
  }

  /** 401 with {@code totpRequired: true} (and a new secret to enrol, when there is one): the page asks for a code. */
  private static Future<Void> needCode(RoutingContext ctx, String message, JsonObject enrolment) {
    JsonObject body = new JsonObject().put("error", message).put("errorId", randomToken().substring(0, 12))
        .put("totpRequired", true);
    if (enrolment != null) {
      body.put("totpEnrolment", enrolment);
    }
    ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(body.encode());
    return Future.succeededFuture();
  }

  private static JsonObject enrolment(StaffMember m, byte[] secret) {
    String uri = Totp.uri("MentalHealthAI", m.username(), secret);
    return new JsonObject().put("secret", Totp.base32(secret)).put("uri", uri)
        .put("qrSvg", QrCode.svg(uri, "QR code of the key for your authenticator app"));
  }

  /** {@code POST /api/v1/auth/totp}: a new pending secret for the signed-in member, as text, an otpauth URI and its QR code. */
  private void enrol(RoutingContext ctx) {
    StaffMember me = staff(ctx);
    byte[] secret = Totp.newSecret();
    Instant now = clock.instant();
    String current;
    try {
      JsonObject body = ctx.body() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
      current = body != null && body.getValue("code") instanceof String c ? c : null;
    } catch (DecodeException | ClassCastException e) {
      current = null;
    }
    String code = current;
    // Replacing a second factor that is already on needs a code from it: a stolen session alone cannot re-bind it.
    totp.state(me.id()).compose(t -> {
      if (t.secret().isEmpty()) {
        return Future.<Void>succeededFuture();
      }
      OptionalLong step = code == null ? OptionalLong.empty() : Totp.verify(t.secret().get(), code, now, t.lastStep());
      if (step.isEmpty()) {
        return Future.failedFuture(new HttpException(403,
            "TOTP is already on for this account: send {\"code\": \"123456\"} from the current authenticator to replace it"));
      }
      return totp.useStep(me.id(), step.getAsLong()).compose(fresh -> fresh ? Future.<Void>succeededFuture()
          : Future.failedFuture(new HttpException(403, "that code was already used; wait for the next one")));
    })
        .compose(v -> totp.savePending(me.id(), secret, now))
        .compose(v -> audit.record(me, "staff.totp_enrol", null, null, null, new JsonObject()))
        .onSuccess(v -> {
          ctx.response().putHeader("Cache-Control", "no-store");
          ctx.json(enrolment(me, secret));
        })
        .onFailure(ctx::fail);
  }

  /** {@code POST /api/v1/auth/totp/confirm {"code"}}: a code from the pending secret turns TOTP on. */
  private void confirm(RoutingContext ctx) {
    StaffMember me = staff(ctx);
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null || !(body.getValue("code") instanceof String code)) {
      ctx.fail(new HttpException(400, "the body must be {\"code\": \"123456\"}"));
      return;
    }
    Instant now = clock.instant();
    totp.state(me.id()).compose(t -> {
      if (t.pending().isEmpty()) {
        return Future.failedFuture(new HttpException(409, "start with POST /api/v1/auth/totp"));
      }
      OptionalLong step = Totp.verify(t.pending().get(), code, now, 0);
      if (step.isEmpty()) {
        return Future.failedFuture(new HttpException(400, "wrong or expired code"));
      }
      return totp.confirm(me.id(), step.getAsLong(), now)
          .compose(v -> audit.record(me, "staff.totp_confirm", null, null, null, new JsonObject()));
    }).onSuccess(v -> ctx.json(new JsonObject().put("totp", true))).onFailure(ctx::fail);
  }

  private Future<Void> startSession(RoutingContext ctx, StaffMember member, Instant now) {
    String token = randomToken();
    String csrf = randomToken();
    Instant expires = now.plus(sessionTtl);
    return accounts.recordLogin(member.id())
        .compose(v -> accounts.createSession(member.id(), sha256(token), csrf, now, expires))
        .compose(v -> audit.record(member, "staff.login", null, null, null, new JsonObject()))
        .onSuccess(v -> {
          gate.signedIn(clientAddress(ctx));
          boolean secure = publicHttps || ctx.request().isSSL()
              || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
          long maxAge = sessionTtl.toSeconds();
          ctx.response().addCookie(Cookie.cookie(SESSION_COOKIE, token).setPath("/").setHttpOnly(true)
              .setSameSite(CookieSameSite.STRICT).setSecure(secure).setMaxAge(maxAge));
          ctx.response().addCookie(Cookie.cookie(CSRF_COOKIE, csrf).setPath("/").setHttpOnly(false)
              .setSameSite(CookieSameSite.STRICT).setSecure(secure).setMaxAge(maxAge));
          ctx.response().putHeader("Cache-Control", "no-store");
          ctx.json(new JsonObject().put("token", token).put("csrfToken", csrf).put("expiresAt", expires.toString())
              .put("staff", json(member)));
        });
  }

  private void logout(RoutingContext ctx) {
    String token = sessionToken(ctx); // authenticated() already checked there is one
    accounts.revokeSession(sha256(token), clock.instant())
        .compose(v -> audit.record(staff(ctx), "staff.logout", null, null, null, new JsonObject()))
        .onSuccess(v -> {
          ctx.response().addCookie(Cookie.cookie(SESSION_COOKIE, "").setPath("/").setMaxAge(0));
          ctx.response().addCookie(Cookie.cookie(CSRF_COOKIE, "").setPath("/").setMaxAge(0));
          ctx.json(new JsonObject().put("signedOut", true));
        })
        .onFailure(ctx::fail);
  }

  public static JsonObject json(StaffMember s) {
    return new JsonObject().put("id", s.id().toString()).put("username", s.username())
        .put("displayName", s.displayName()).put("role", s.role().wireName());
  }

  private static HttpException badCredentials() {
    return new HttpException(401, "wrong username or password");
  }

  private static boolean changes(HttpMethod m) {
    return !(m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS);
  }

  public static String randomToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
  }
}
