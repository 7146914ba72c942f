#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The deployment, exercised: installs the jar with the Ansible playbook onto this machine
# (ansible-playbook -c local) into a temporary prefix, data dir, port, database and roles, checks
# /health and a web chat round trip, the file modes, the process's user and privileges, the database
# roles, that a second run changes nothing, then tears it all down (always, also on failure) and
# checks nothing is left.
#
#   deployment/ansible/ci-test.sh [path/to/mentalhealthai.jar]     (from the repository root)
#
# Needs: root on Debian (apt-get installs ansible and python3-psycopg2 when missing), a PostgreSQL
# that user postgres may reach without a password (PGHOST/PGPORT, default 127.0.0.1:5432).
# Without systemd as PID 1 the playbook runs in mhai_service_manager=none mode: the unit file is
# installed and checked with systemd-analyze, and the jar runs under start-stop-daemon.
# MHAI_ANSIBLE_SPLIT_ROLES=false tests the one-role mode (no MHAI_DATABASE_MIGRATION_URL).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
jar=${1:-bot/target/mentalhealthai.jar}
split=${MHAI_ANSIBLE_SPLIT_ROLES:-true}
manager=${MHAI_ANSIBLE_SERVICE_MANAGER:-none}
pg_host=${PGHOST:-127.0.0.1}
pg_port=${PGPORT:-5432}
health_wait=90
py=/usr/bin/python3

step() { printf '%s ci-test: %s\n' "$(date +%T)" "$*"; }
fail() { printf '%s ci-test: FAIL: %s\n' "$(date +%T)" "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (the playbook creates a system user)"
[ -f "$jar" ] || fail "no jar at $jar (mvn -B -q package -DskipTests)"
jar=$(realpath "$jar")
case "$split" in true|false) ;; *) fail "MHAI_ANSIBLE_SPLIT_ROLES must be true or false" ;; esac

need=()
command -v ansible-playbook >/dev/null || need+=(ansible)
[ -x "$py" ] && "$py" -c 'import psycopg2' 2>/dev/null || need+=(python3-psycopg2)
command -v curl >/dev/null || need+=(curl)
command -v psql >/dev/null || need+=(postgresql-client)
command -v openssl >/dev/null || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  step "apt-get install ${need[*]}"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null
fi

# Unique names, so runs never meet each other or a real install.
id=$$
svc=mentalhealthai-ci$id
user=mhaici$id
db=mhai_ci_$id
owner=mhai_ci_${id}_owner
runtime=mhai_ci_${id}_app
port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
root=$(mktemp -d /tmp/mhai-ansible.XXXXXX)
chmod 0755 "$root"   # the service user must reach the prefix and its data dir below it
log=$root/log/$svc.log
pidfile=$root/run/$svc.pid
vars=$root/vars.json
pid=

psql_admin() { psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" -U postgres "$@"; }

export ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0 ANSIBLE_LOCALHOST_WARNING=0 \
  ANSIBLE_PYTHON_INTERPRETER=$py
playbook() {
  ansible-playbook -c local -i localhost, -e "@$vars" "$@"
}

finish() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  if [ $rc -ne 0 ]; then
    echo "---- last 40 lines of the service log ($log) ----"
    tail -n 40 "$log" 2>/dev/null || echo "(no log)"
    echo "----"
  fi
  if [ -f "$vars" ]; then
    step "teardown.yml"
    if ! playbook "$here/teardown.yml" > "$root/teardown.out" 2>&1; then
      cat "$root/teardown.out"; echo "ci-test: FAIL: teardown.yml failed" >&2; rc=1
    else
      # Nothing may be left: process, files, database, roles, user.
      local left=()
      [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && left+=("process $pid")
      for p in opt etc data run log systemd/$svc.service; do [ -e "$root/$p" ] && left+=("$root/$p"); done
      [ -n "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" ] && left+=("database $db")
      [ -n "$(psql_admin -c "select 1 from pg_roles where rolname in ('$owner', '$runtime')")" ] \
        && left+=("roles")
      id "$user" >/dev/null 2>&1 && left+=("user $user")
      if [ ${#left[@]} -gt 0 ]; then
        echo "ci-test: FAIL: teardown left: ${left[*]}" >&2; rc=1
      else
        step "teardown left nothing"
      fi
    fi
  fi
  rm -rf "$root"
  if [ $rc -eq 0 ]; then
    echo "ansible deployment test: 1 passed, 0 failed"
  else
    echo "ansible deployment test: 0 passed, 1 failed"
  fi
  exit $rc
}
trap finish EXIT
trap 'exit 130' INT TERM

step "jar $jar, port $port, prefix $root, service $svc, database $db, split roles $split, manager $manager"

# The variables, secrets included, in a file only root reads (never on a command line).
(umask 077
 MHAI_CI_DATA_KEY=$(openssl rand -base64 32) MHAI_CI_ADMIN=$(openssl rand -base64 18) \
 MHAI_CI_OWNER_PW=$(openssl rand -base64 24) MHAI_CI_RUNTIME_PW=$(openssl rand -base64 24) \
 root=$root svc=$svc user=$user db=$db owner=$owner runtime=$runtime port=$port jar=$jar \
 split=$split manager=$manager pg_host=$pg_host pg_port=$pg_port \
 "$py" - > "$vars" <<'EOF'
import json, os
e = os.environ
r = e["root"]
print(json.dumps({
    "ansible_become": False,
    "mhai_service_manager": e["manager"],
    "mhai_service_name": e["svc"],
    "mhai_user": e["user"],
    "mhai_jar_src": e["jar"],
    "mhai_prefix": r + "/opt",
    "mhai_config_dir": r + "/etc",
    "mhai_data_dir": r + "/data",
    "mhai_systemd_unit_dir": r + "/systemd",
    "mhai_run_dir": r + "/run",
    "mhai_log_dir": r + "/log",
    "mhai_http_host": "127.0.0.1",
    "mhai_http_port": int(e["port"]),
    "mhai_db_host": e["pg_host"],
    "mhai_db_port": int(e["pg_port"]),
    "mhai_db_name": e["db"],
    "mhai_db_owner_user": e["owner"],
    "mhai_db_runtime_user": e["runtime"],
    "mhai_db_split_roles": e["split"] == "true",
    "mhai_db_admin_user": "postgres",
    "mhai_db_admin_ssl_mode": "disable",
    "mhai_data_key": e["MHAI_CI_DATA_KEY"],
    "mhai_admin_password": e["MHAI_CI_ADMIN"],
    # base64 has / and +: the URLs must percent-encode them.
    "mhai_db_owner_password": e["MHAI_CI_OWNER_PW"],
    "mhai_db_runtime_password": e["MHAI_CI_RUNTIME_PW"],
    "mhai_health_timeout_seconds": 90,
    "mhai_teardown_confirm": True,
}))
EOF
)

step "site.yml"
playbook "$here/site.yml" > "$root/site.out" 2>&1 || { cat "$root/site.out"; fail "site.yml failed"; }
grep -o 'Overall exposure level[^"]*' "$root/site.out" | head -1 | sed 's/^/  systemd-analyze security: /' || true
pid=$(cat "$pidfile" 2>/dev/null) || fail "no pid file $pidfile"

step "waiting for /health (up to ${health_wait}s)"
base=http://127.0.0.1:$port
deadline=$((SECONDS + health_wait))
until curl -fsS -m 2 -o /dev/null "$base/health" 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || fail "the service (pid $pid) exited"
  [ $SECONDS -lt $deadline ] || fail "/health did not answer 200 within ${health_wait}s"
  sleep 1
done
step "/health 200"

session=$(curl -fsS -m 30 -X POST -H 'Content-Type: application/json' -d '{"locale":"en"}' \
  "$base/api/v1/webchat/sessions") || fail "POST /api/v1/webchat/sessions"
read -r sid token < <("$py" -c 'import json,sys; d = json.load(sys.stdin); print(d["sessionId"], d["token"])' \
  <<<"$session") || fail "no sessionId/token in $session"
reply=$(curl -sS -m 60 -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $token" \
  -d "{\"clientMessageId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"text\":\"I agree\"}" \
  "$base/api/v1/webchat/sessions/$sid/messages") || fail "POST .../messages"
code=${reply##*$'\n'}
body=${reply%$'\n'*}
[ "$code" = 200 ] || fail "message answered $code: $body"
"$py" -c 'import json,sys; r = json.load(sys.stdin)["replies"]; assert isinstance(r, list) and r, r' \
  <<<"$body" || fail "no replies in $body"
step "chat round trip: 200 with $("$py" -c 'import json,sys; print(len(json.load(sys.stdin)["replies"]))' <<<"$body") replies"

# Files: the environment file root-only 0600, the data dir the service user's 0700, nothing the
# service wrote group- or world-writable, the unit installed.
env_file=$root/etc/$svc.env
[ "$(stat -c '%a %U' "$env_file")" = "600 root" ] || fail "env file is $(stat -c '%a %U' "$env_file")"
[ "$(stat -c '%a %U' "$root/data")" = "700 $user" ] || fail "data dir is $(stat -c '%a %U' "$root/data")"
writable=$(find "$root/data" "$root/opt" "$root/etc" -perm /022 ! -type l | head -5)
[ -z "$writable" ] || fail "group- or world-writable: $writable"
[ -f "$root/systemd/$svc.service" ] || fail "no unit file"
grep -q '^NoNewPrivileges=yes' "$root/systemd/$svc.service" || fail "unit not hardened"
if command -v systemd-analyze >/dev/null; then
  verify=$(systemd-analyze verify "$root/systemd/$svc.service" 2>&1) || fail "systemd-analyze verify: $verify"
  [ -z "$verify" ] || fail "systemd-analyze verify: $verify"
fi
step "modes: env file 600 root, data dir 700 $user, nothing group/world-writable; unit verified"

# The process: the service user, no new privileges, no capabilities.
uid=$(id -u "$user")
grep -q "^Uid:[[:space:]]*$uid[[:space:]]*$uid[[:space:]]*$uid[[:space:]]*$uid\$" "/proc/$pid/status" \
  || fail "pid $pid does not run as $user: $(grep ^Uid: "/proc/$pid/status")"
grep -q '^NoNewPrivs:[[:space:]]*1' "/proc/$pid/status" || fail "pid $pid may gain privileges"
grep -q '^CapEff:[[:space:]]*0*$' "/proc/$pid/status" || fail "pid $pid has capabilities"
step "process $pid: user $user, NoNewPrivs, no capabilities"

# The database: ordinary roles with SCRAM passwords that match the URLs in the env file; the
# database and every object in it owned by the owner role; the runtime role owns nothing.
roles="'$owner'"; [ "$split" = true ] && roles="'$owner', '$runtime'"
bad=$(psql_admin -c "select rolname from pg_roles where rolname in ($roles)
  and (rolsuper or rolcreatedb or rolcreaterole or rolreplication or rolbypassrls or not rolcanlogin)")
[ -z "$bad" ] || fail "roles with more than LOGIN: $bad"
[ "$(psql_admin -c "select pg_get_userbyid(datdba) from pg_database where datname = '$db'")" = "$owner" ] \
  || fail "database $db is not owned by $owner"
psql_admin -c "select rolname || ' ' || coalesce(rolpassword, '') from pg_authid where rolname in ($roles)" \
  | "$py" -c '
import base64, hashlib, hmac, sys, urllib.parse
stored = dict(line.split(" ", 1) for line in sys.stdin.read().split("\n") if line)
urls = {}
for line in open(sys.argv[1]):
    k, _, v = line.rstrip("\n").partition("=")
    if k in ("MHAI_DATABASE_URL", "MHAI_DATABASE_MIGRATION_URL"):
        urls[k] = urllib.parse.urlsplit(v.strip("\x27"))
assert set(urls) == ({"MHAI_DATABASE_URL", "MHAI_DATABASE_MIGRATION_URL"} if sys.argv[2] == "true"
                     else {"MHAI_DATABASE_URL"}), urls.keys()
want = {"MHAI_DATABASE_MIGRATION_URL" if sys.argv[2] == "true" else "MHAI_DATABASE_URL": sys.argv[3]}
if sys.argv[2] == "true":
    want["MHAI_DATABASE_URL"] = sys.argv[4]
for key, role in want.items():
    u = urls[key]
    assert u.username == role, (key, u.username, role)
    pw = urllib.parse.unquote(u.password)
    v = stored[role]
    assert v.startswith("SCRAM-SHA-256$"), (role, "not SCRAM")
    it_salt, keys = v[len("SCRAM-SHA-256$"):].split("$")
    it, salt = it_salt.split(":")
    stored_key = keys.split(":")[0]
    salted = hashlib.pbkdf2_hmac("sha256", pw.encode(), base64.b64decode(salt), int(it))
    client = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    assert hashlib.sha256(client).digest() == base64.b64decode(stored_key), (role, "password differs")
' "$env_file" "$split" "$owner" "$runtime" || fail "role passwords are not SCRAM or differ from the env file"
public=$(psql_admin -d "$db" -c "select (select count(*) from pg_database d, aclexplode(d.datacl) a
    where d.datname = '$db' and a.grantee = 0)
  + (select count(*) from pg_namespace n, aclexplode(n.nspacl) a where n.nspname = 'public' and a.grantee = 0)")
[ "$public" = 0 ] || fail "PUBLIC still has privileges on database $db or its schema public"
owned=$(psql_admin -d "$db" -c "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and c.relowner <> '$owner'::regrole")
[ "$owned" = 0 ] || fail "$owned relations in $db not owned by $owner"
tables=$(psql_admin -d "$db" -c "select count(*) from pg_tables where tableowner = '$owner'")
[ "$tables" -gt 0 ] || fail "no tables: the migrations did not run as $owner"
if [ "$split" = true ]; then
  n=$(psql_admin -d "$db" -c "select (select count(*) from pg_class where relowner = '$runtime'::regrole)
    + (select count(*) from pg_namespace where nspowner = '$runtime'::regrole)
    + (select count(*) from pg_proc where proowner = '$runtime'::regrole)
    + (select count(*) from pg_type where typowner = '$runtime'::regrole)")
  [ "$n" = 0 ] || fail "runtime role $runtime owns $n objects"
  # The service serves as the runtime role (the owner's connections end after the migrations), and
  # the grants it made leave that role no DDL, no TRUNCATE and an insert-only audit log.
  conns=$(psql_admin -c "select coalesce(string_agg(distinct usename, ' '), '') from pg_stat_activity
    where datname = '$db'")
  [ "$conns" = "$runtime" ] || fail "connections to $db are by '$conns', not only $runtime"
  bad=$(psql_admin -d "$db" -c "select string_agg(p, ', ') from (
      select 'TRUNCATE on ' || c.relname as p from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and has_table_privilege('$runtime', c.oid, 'TRUNCATE')
      union all select 'UPDATE or DELETE on audit_log'
        where has_table_privilege('$runtime', 'public.audit_log', 'UPDATE, DELETE')
      union all select 'CREATE on schema public' where has_schema_privilege('$runtime', 'public', 'CREATE')
      union all select 'TEMPORARY' where has_database_privilege('$runtime', '$db', 'TEMPORARY')) x")
  [ -z "$bad" ] || fail "runtime role $runtime has: $bad"
  has_select=$(psql_admin -d "$db" -c "select has_table_privilege('$runtime', 'public.audit_log', 'INSERT, SELECT')")
  [ "$has_select" = t ] || fail "runtime role $runtime cannot write the audit log"
  step "database: $owner owns $db (no PUBLIC access) and its $tables tables; the service connects as $runtime, which owns nothing and has no TRUNCATE, DDL or audit-log UPDATE/DELETE; SCRAM passwords match the URLs"
else
  step "database: $owner owns $db (no PUBLIC access) and its $tables tables; SCRAM password matches the URL"
fi

step "site.yml again (must change nothing, nor restart the service)"
playbook "$here/site.yml" > "$root/site2.out" 2>&1 || { cat "$root/site2.out"; fail "second site.yml failed"; }
recap=$(grep -E '^localhost +:' "$root/site2.out")
[[ "$recap" =~ " changed=0 " ]] || { grep -B3 '^changed:' "$root/site2.out"; fail "second run changed something: $recap"; }
[ "$(cat "$pidfile")" = "$pid" ] && kill -0 "$pid" || fail "the service was restarted or stopped"
curl -fsS -m 5 -o /dev/null "$base/health" || fail "/health after the second run"
step "second run: $recap"
