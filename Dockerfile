# PewStats Collectors: multi-stage image. Build: docker build -t pewstats-collectors .
# Runs as a non-root user; config/ and routes/ sit beside the jar (mount your own over them to change
# the hub without rebuilding); data/ (embedded defaults, telemetry store) is a volume.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY .mvn .mvn
RUN mvn -q dependency:go-offline
COPY src src
RUN mvn -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app collectors
WORKDIR /app
COPY --from=build /src/target/collectors.jar /app/collectors.jar
COPY config /app/config
COPY routes /app/routes
RUN mkdir -p /app/data && chown -R collectors /app
USER collectors
ENV COLLECTORS_HOME=/app
# inside the container health and metrics listen on every interface; who reaches them is decided by how
# the port is published (docker-compose.yml: 127.0.0.1 only)
ENV HUB_HTTP_HOST=0.0.0.0
VOLUME /app/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/observe/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/collectors.jar"]
