# syntax=docker/dockerfile:1
# Multi-stage image of trd-cds-hooks (docs/deployment.md):
#   build    ./mvnw package (tests run in CI, not here)
#   prepare  deploy/prepare.sh on the runtime image's own JVM: the jar extracted to plain jars and the class-data
#            sharing (AppCDS) archive trained for exactly that JVM (an archive of another JVM would be ignored)
#   runtime  a slim Java 17 JRE, non-root, dependencies and application in separate layers
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY fhir-profiles/ fhir-profiles/
COPY cds-cards/ cds-cards/
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre-jammy AS prepare
WORKDIR /build
COPY --from=build /src/target/trd-cds-hooks.jar target/trd-cds-hooks.jar
COPY deploy/prepare.sh deploy/prepare.sh
RUN deploy/prepare.sh /app && rm /app/training.log

FROM eclipse-temurin:17-jre-jammy
RUN groupadd --system --gid 10001 cds && useradd --system --uid 10001 --gid cds --no-create-home cds
WORKDIR /app
# dependencies change less often than the application: their own layer
COPY --from=prepare /app/lib/ /app/lib/
COPY --from=prepare /app/trd-cds-hooks.jar /app/trd-cds-hooks.jar
COPY --from=prepare /app/trd-cds-hooks.jsa /app/trd-cds-hooks.jsa
USER 10001:10001
EXPOSE 8080
# the heap follows the container's memory limit; an OutOfMemoryError ends the process (the orchestrator restarts it)
# instead of leaving a half-working service; the Deployment adds its own flags through JDK_JAVA_OPTIONS
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=/app/trd-cds-hooks.jsa", "-jar", "/app/trd-cds-hooks.jar"]
