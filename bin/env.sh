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
