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
 * account for 1, 2, 4, … up to 60 minutes. Password checks run on the {@code auth} worker pool.
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

  /**
   * @param totp where TOTP secrets are kept (two-step sign-in, optional unless an admin requires it)
   * @param publicHttps the service's public URL is https (a TLS-terminating proxy in front): cookies get Secure
   */
  public StaffAuth(StaffAccounts accounts, AuditLog audit, PasswordHasher hasher, WorkerExecutor authPool, Clock clock,
      Duration sessionTtl, TotpSecrets totp, boolean publicHttps) {
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
  private static String sessionToken(RoutingContext ctx) {
    String token;
    if (bearer(ctx)) {
      token = ctx.request().getHeader("Authorization").substring(7).trim();
    } else {
      Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
      token = cookie == null ? null : cookie.getValue();
    }
    return token == null || token.isEmpty() ? null : token;
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
    Object c0 = body.getValue("code");
    String code = c0 instanceof String str ? str : c0 instanceof Number n ? String.valueOf(n) : null;
    Instant now = clock.instant();
    accounts.byUsername(username.trim()).compose(found -> {
      if (found.isEmpty() || found.get().disabled()) {
        return authPool.executeBlocking(() -> {
          hasher.dummyVerify(password);
          return null;
        }, false).compose(v -> Future.failedFuture(badCredentials()));
      }
      StaffAccounts.Credentials c = found.get();
      // The attempt is counted (and the account locked from the fifth) before the password is checked, in one
      // atomic statement: forty parallel guesses get at most five checks, not one shared count (issue #16).
      return accounts.claimAttempt(c.member().id(), now, FREE_FAILURES, MAX_LOCK_MINUTES).compose(attempt -> {
        if (attempt.isEmpty()) {
          return locked(ctx, c.member().username(), now);
        }
        return authPool.executeBlocking(() -> hasher.verify(password, c.passwordHash()), false).compose(ok -> {
          if (!ok) {
            LOG.info("auth.failed staff={} attempt={}", c.member().id(), attempt.get());
            return Future.failedFuture(badCredentials());
          }
          return totp.state(c.member().id()).compose(t -> secondStep(ctx, c, t, code, now));
        });
      });
    }).onFailure(ctx::fail);
  }

  /** A locked account: 429 with when to try again, nothing checked. */
  private Future<Void> locked(RoutingContext ctx, String username, Instant now) {
    return accounts.byUsername(username).compose(again -> {
      long seconds = again.flatMap(StaffAccounts.Credentials::lockedUntil)
          .map(u -> Math.max(1, Duration.between(now, u).toSeconds())).orElse(60L);
      ctx.response().putHeader("Retry-After", Long.toString(seconds));
      return Future.failedFuture(new HttpException(429,
          "too many failed sign-ins; try again in " + Math.max(1, (seconds + 59) / 60) + " minute(s)"));
    });
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
