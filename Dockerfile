# AIL: build the same jar as the README (`mvn -B -ntp -DskipTests package` -> target/ail.jar), run it as a non-root user.
#   docker build -t ail .
#   docker run -p 8080:8080 -v ail-data:/data ail
# or, with a PostgreSQL 18 service beside it: cp .env.example .env, fill it in, docker compose up
# Works on linux/amd64 and linux/arm64 (docker buildx build --platform linux/amd64,linux/arm64 .): the build stage
# runs on the target platform, so Maven's OS/arch profiles put that platform's embedded PostgreSQL into the jar.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependency-cache layer: rebuilt only when pom.xml changes, so a change to the sources does not download again.
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src ./src
RUN mvn -B -ntp -q -DskipTests package

# glibc-based JRE (Ubuntu): the embedded PostgreSQL binaries inside the jar are glibc builds (no Alpine).
FROM eclipse-temurin:17-jre
# curl for the HEALTHCHECK below; the base image does not promise one.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 ail \
    && useradd --system --uid 10001 --gid ail --home-dir /app --shell /usr/sbin/nologin ail \
    && mkdir -p /data /app \
    && chown ail:ail /data
COPY --from=build /src/target/ail.jar /app/ail.jar
# Container-aware JVM: the heap follows the container's memory limit, leaving 40% for the embedded PostgreSQL,
# threads and metaspace; an OutOfMemoryError ends the process so the container restarts instead of limping on.
# Override with -e JAVA_TOOL_OPTIONS=... (the JVM prints "Picked up JAVA_TOOL_OPTIONS" once at start).
ENV AIL_DATA_DIR=/data \
    AIL_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
VOLUME /data
EXPOSE 8080
USER ail
WORKDIR /app
# /readyz: 200 once migrations are applied and the database answers. The first start creates the embedded
# cluster and migrates it, hence the start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${AIL_PORT}/readyz" || exit 1
# exec form: java is PID 1 and receives SIGTERM from `docker stop`, so it stops the embedded PostgreSQL in order
# (see README "Docker" for how long that takes).
ENTRYPOINT ["java", "-jar", "/app/ail.jar"]
