# Shared by bin/run and bin/test (sourced, not run): picks a JDK 21+ and makes sure the local
# PostgreSQL answers. The machine's default java may be 17; the Zeebe engine needs 21 or newer.

java_major() { # $1: a java binary
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    :
  else
    local best="" best_major=0 candidate major
    for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
      [ -x "$candidate/bin/javac" ] || continue
      major=$(java_major "$candidate/bin/java")
      if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
        best=$candidate best_major=$major
      fi
    done
    if [ -z "$best" ]; then
      echo "Régua needs a JDK 21 or newer; none found (set JAVA_HOME to one)." >&2
      exit 1
    fi
    export JAVA_HOME=$best
  fi
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's Guava and Zeebe's Agrona use sun.misc.Unsafe, which JDK 24+ warns about at every
  # start; the flag that allows it quietly exists only there.
  REGUA_JAVA_OPTS=""
  if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 24 ]; then
    REGUA_JAVA_OPTS="--sun-misc-unsafe-memory-access=allow"
    export MAVEN_OPTS="${MAVEN_OPTS:-} $REGUA_JAVA_OPTS"
  fi
  echo "Using JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"
}

# Starts the machine's PostgreSQL cluster if it is installed here and not answering.
ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    return
  fi
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "Starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
    for _ in $(seq 1 30); do
      pg_isready -q -h 127.0.0.1 -p 5432 && return
      sleep 1
    done
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    echo "PostgreSQL does not answer on 127.0.0.1:5432." >&2
    exit 1
  fi
}

# Creates a database on the local PostgreSQL unless it exists.
ensure_database() { # $1: name
  if command -v psql >/dev/null &&
    [ -z "$(psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname = '$1'" postgres)" ]; then
    echo "Creating database $1"
    createdb -h 127.0.0.1 -U postgres "$1"
  fi
}

# Whether a JDBC URL names a database of the local PostgreSQL (127.0.0.1/localhost, port 5432);
# if so, sets LOCAL_DATABASE to its name.
local_database() { # $1: jdbc:postgresql://host[:port]/name[?params]
  local rest host_port host port
  rest=${1#jdbc:postgresql://}
  [ "$rest" != "$1" ] || return 1
  host_port=${rest%%/*}
  host=${host_port%:*}
  port=5432
  [ "$host_port" = "$host" ] || port=${host_port##*:}
  case "$host" in
    localhost | 127.0.0.1 | "[::1]") ;;
    *) return 1 ;;
  esac
  [ "$port" = 5432 ] || return 1
  LOCAL_DATABASE=${rest#*/}
  LOCAL_DATABASE=${LOCAL_DATABASE%%\?*}
  [ -n "$LOCAL_DATABASE" ]
}

# A port nothing listens on, from $1 up.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# --- starting the service faster ----------------------------------------------------------------
# The scripts that start the service many times (fault injection's kills and restarts, the soak;
# CI's walk-through through bin/run) start it from the jar extracted
# (`java -Djarmode=tools -jar … extract`) with the classes of one training run already loaded and
# linked: an AOT cache on JDK 25+ (JEP 483/514), a CDS archive on JDK 21–24. The JVM maps them
# instead of reading the nested jars, which takes about half off a start (docs/performance.md).
# The cache lives in target/fast-start and holds only for the jar and the JDK it was made with.

# fast_start_stamp JAR: what the cache is valid for (the jar's size and time, the JDK).
fast_start_stamp() {
  echo "$(stat -c '%s %Y' "$1") $(readlink -f "$JAVA_HOME")"
}

# service_launch JAR: sets SERVICE_LAUNCH to the java arguments that start JAR: from
# target/fast-start when its cache was made for this jar and this JDK, else plainly. Never trains.
service_launch() {
  local jar=$1 dir=target/fast-start
  SERVICE_LAUNCH=(-jar "$jar")
  if [ -f "$dir/stamp" ] && [ "$(cat "$dir/stamp")" = "$(fast_start_stamp "$jar")" ]; then
    local cache
    cache=$(cat "$dir/cache-flag")
    SERVICE_LAUNCH=("$cache" -jar "$PWD/$dir/app/$(basename "$jar")")
  fi
}

# prepare_fast_start JAR: makes target/fast-start for JAR unless it is current (one training run,
# about a minute, on a database of its own that it drops), then sets SERVICE_LAUNCH. A training run
# that fails leaves the plain jar in use, with a warning: the cache only saves time.
prepare_fast_start() {
  local jar=$1 dir=target/fast-start
  service_launch "$jar"
  [ "${SERVICE_LAUNCH[0]}" = -jar ] || return 0
  local started=$SECONDS app record cache db="regua_fast_start_$$"
  rm -rf "$dir"
  mkdir -p "$dir/training"
  app="$PWD/$dir/app/$(basename "$jar")"
  if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 25 ]; then
    record="-XX:AOTCacheOutput=$PWD/$dir/regua.aot" cache="-XX:AOTCache=$PWD/$dir/regua.aot"
  else
    record="-XX:ArchiveClassesAtExit=$PWD/$dir/regua.jsa" cache="-XX:SharedArchiveFile=$PWD/$dir/regua.jsa"
  fi
  echo "Training the service's start once (the jar extracted, $record; log $dir/training.log)"
  dropdb -h 127.0.0.1 -U postgres --if-exists "$db" 2>/dev/null
  createdb -h 127.0.0.1 -U postgres "$db"
  # embedded mode up to the context's refresh (Flyway, the engine, the deployment, every bean),
  # then exit: what every start loads
  # shellcheck disable=SC2086 # REGUA_JAVA_OPTS is a list of flags
  if java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >"$dir/training.log" 2>&1 &&
    (cd "$dir/training" && DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
      REGUA_EMBEDDED_ENGINE_LOG=temporary REGUA_EMBEDDED_ENGINE_PORT="$(free_port 26990)" \
      SMTP_PORT="$(free_port 11990)" \
      java $REGUA_JAVA_OPTS "$record" -Dspring.context.exit=onRefresh -jar "$app" \
      --camunda.client.request-timeout=PT60S) >>"$dir/training.log" 2>&1; then
    echo "$cache" >"$dir/cache-flag"
    fast_start_stamp "$jar" >"$dir/stamp"
    echo "Trained in $((SECONDS - started)) s: starts use $dir"
  else
    echo "WARNING: the training run failed (see $dir/training.log); starting the plain jar" >&2
  fi
  dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
  rm -rf "$dir/training"
  service_launch "$jar"
}
