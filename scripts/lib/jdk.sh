# shellcheck shell=bash
# Sourced by ./errand and scripts/*. Finds a JDK >= 21 and exports JAVA_HOME.
#
# Order: $JAVA_HOME if new enough, then the newest JDK under /usr/lib/jvm, then `java` on
# PATH. Versions come from the JDK's `release` file, so the common case starts no JVM
# (this runs on every CLI call).

ERRAND_MIN_JAVA=21
ERRAND_JVM_DIR=${ERRAND_JVM_DIR:-/usr/lib/jvm} # where distributions install JDKs; a setting for tests

# Prints the major version of a Java version string: "25.0.3" -> 25, "1.8.0_402" -> 8, "21-ea" -> 21.
errand_java_major() {
  local v=${1//\"/}
  [[ $v == 1.* ]] && v=${v#1.}
  v=${v%%[!0-9]*}
  [[ -n $v ]] && printf '%s\n' "$v"
}

# Prints the major version of the JDK at $1 (must have bin/java and bin/javac), or fails.
errand_jdk_major() {
  local home=$1 line
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
  if [[ -r $home/release ]]; then
    while IFS= read -r line; do
      if [[ $line == JAVA_VERSION=* ]]; then
        errand_java_major "${line#JAVA_VERSION=}"
        return
      fi
    done <"$home/release"
  fi
  # No release file: ask the JVM (slow, but rare). First line: openjdk version "21.0.2" ...
  line=$("$home/bin/java" -version 2>&1) || return 1
  line=${line#*version \"}
  errand_java_major "${line%%\"*}"
}

# Exports JAVA_HOME (and ERRAND_JAVA_MAJOR) for a JDK >= 21; prints advice and fails if none.
errand_find_jdk() {
  errand_pick_jdk || return
  # Maven 3.9's Guice calls sun.misc.Unsafe, which JDK 24+ warns about on every build.
  if ((ERRAND_JAVA_MAJOR >= 24)) && [[ ${MAVEN_OPTS:-} != *sun-misc-unsafe* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}

errand_pick_jdk() {
  local home major best="" best_major=0 seen=""
  if [[ -n ${JAVA_HOME:-} ]]; then
    major=$(errand_jdk_major "$JAVA_HOME") || major=0
    if ((major >= ERRAND_MIN_JAVA)); then
      export JAVA_HOME ERRAND_JAVA_MAJOR=$major
      return 0
    fi
    seen+="  JAVA_HOME=$JAVA_HOME ($( ((major)) && echo "$major" || echo "not a JDK"))"$'\n'
  fi
  for home in "$ERRAND_JVM_DIR"/*/; do
    home=${home%/}
    [[ -L $home ]] && continue # Debian's java-1.N.0 aliases point at a real directory
    major=$(errand_jdk_major "$home") || continue
    if ((major > best_major)); then best=$home best_major=$major; fi
  done
  if ((best_major < ERRAND_MIN_JAVA)) && home=$(command -v java); then
    home=$(readlink -f "$home") && home=${home%/bin/java}
    major=$(errand_jdk_major "$home") || major=0
    if ((major > best_major)); then best=$home best_major=$major; fi
  fi
  if ((best_major >= ERRAND_MIN_JAVA)); then
    export JAVA_HOME=$best ERRAND_JAVA_MAJOR=$best_major
    return 0
  fi
  [[ -n $best ]] && seen+="  $best ($best_major)"$'\n'
  {
    echo "errand: needs a JDK $ERRAND_MIN_JAVA or newer; none found in JAVA_HOME, $ERRAND_JVM_DIR or PATH."
    [[ -n $seen ]] && printf 'Found only:\n%s' "$seen"
    echo "Install one, then run this again (or point JAVA_HOME at it):"
    echo "  Debian 13 / Ubuntu 24.04:  sudo apt-get install -y openjdk-21-jdk-headless"
    echo "  Debian 12 and others:      Eclipse Temurin 21 or newer, https://adoptium.net/installation/linux/"
  } >&2
  return 1
}
