# AIL: build the same jar as the README (`mvn -B -ntp -DskipTests package` -> target/ail.jar), run it as a non-root user.
#   docker build -t ail .
#   docker run -p 8080:8080 -v ail-data:/data ail

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY src ./src
RUN mvn -B -ntp -DskipTests package

# glibc-based JRE: the embedded PostgreSQL binaries inside the jar are linux-amd64 glibc builds (no Alpine).
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 ail \
    && useradd --system --uid 10001 --gid ail --home-dir /app --shell /usr/sbin/nologin ail \
    && mkdir -p /data /app \
    && chown ail:ail /data
COPY --from=build /src/target/ail.jar /app/ail.jar
ENV AIL_DATA_DIR=/data \
    AIL_PORT=8080
VOLUME /data
EXPOSE 8080
USER ail
WORKDIR /app
# exec form: java is PID 1 and receives SIGTERM from `docker stop`, so it stops the embedded PostgreSQL in order
ENTRYPOINT ["java", "-jar", "/app/ail.jar"]
