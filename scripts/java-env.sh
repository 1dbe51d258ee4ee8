# Sourced by ./mvnw, ./synth and .ci/run: selects a JDK >= 25, the release the modules compile for
# (maven.compiler.release in pom.xml; the Maven Enforcer plugin checks the same bound).
# Order: $JAVA_HOME if new enough, then the newest JDK under /usr/lib/jvm, then `java` on PATH.

synthline_java_major() {
    # prints the major version of the java executable $1, or nothing
    "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

synthline_select_jdk() {
    local min=25 candidate major best="" best_major=0
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
        major=$(synthline_java_major "$JAVA_HOME/bin/java")
        if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
            return 0
        fi
    fi
    for candidate in /usr/lib/jvm/*/; do
        candidate=${candidate%/}
        [ -x "$candidate/bin/javac" ] || continue
        major=$(synthline_java_major "$candidate/bin/java")
        if [ -n "$major" ] && [ "$major" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
            best=$candidate
            best_major=$major
        fi
    done
    if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        major=$(synthline_java_major "$candidate/bin/java")
        if [ -n "$major" ] && [ "$major" -ge "$min" ]; then
            best=$candidate
        fi
    fi
    if [ -z "$best" ]; then
        echo "synthline: no JDK >= $min found (checked \$JAVA_HOME, /usr/lib/jvm/*, PATH). Install a JDK 25 or newer, or set JAVA_HOME to one." >&2
        return 1
    fi
    export JAVA_HOME="$best"
}
