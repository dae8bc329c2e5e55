#!/usr/bin/env bash
# Prepares the built jar for deployment in DEST (default: app): extracts it to plain jars and trains a class-data
# sharing archive (AppCDS) on this machine's JVM, so that the JVM maps the application's classes instead of loading,
# parsing and verifying them at every start (about 3 s sooner to ready on 2 cores; see docs/deployment.md).
# Run it again after every new build or JDK: a stale archive is detected and ignored by the JVM (the service still
# starts, only slower). Then start the service with:
#   java -XX:SharedArchiveFile=DEST/trd-cds-hooks.jsa -jar DEST/trd-cds-hooks.jar [--setting=value ...]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/trd-cds-hooks.jar
dest=${1:-app}
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
rm -rf "$dest"
java -Djarmode=tools -jar "$jar" extract --destination "$dest" >/dev/null
dest=$(cd "$dest" && pwd)
# The training run starts the application up to a refreshed context and exits (Spring Boot's spring.context.exit),
# with an in-memory database and a random port so that it touches nothing of a real deployment. The archive must be
# used with the same jar path, so the absolute path is used here and should be used to start.
java -XX:ArchiveClassesAtExit="$dest/trd-cds-hooks.jsa" -Dspring.context.exit=onRefresh \
  -jar "$dest/trd-cds-hooks.jar" --server.port=0 --spring.datasource.url=jdbc:h2:mem:cds-training \
  --logging.level.root=ERROR > "$dest/training.log" 2>&1 \
  || { cat "$dest/training.log" >&2; exit 1; }
[ -s "$dest/trd-cds-hooks.jsa" ] || { echo "no archive written; see $dest/training.log" >&2; exit 1; }
echo "prepared $dest: java -XX:SharedArchiveFile=$dest/trd-cds-hooks.jsa -jar $dest/trd-cds-hooks.jar"
