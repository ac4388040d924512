# One image per service, built from this repository. The module is a build argument:
#
#   docker build --build-arg MODULE=registry-service --build-arg PORT=8081 -t synergy/registry-service .
#
# (docker-compose.yml builds all five this way.) Stage 1 builds the module and what it depends on
# with Maven, tests skipped (CI runs them); stage 2 is a JRE, a non-root user and the one jar.

ARG MODULE=registry-service

FROM maven:3-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN mvn -B -ntp -q -pl "${MODULE}" -am -DskipTests package \
 && cp "$(ls "${MODULE}"/target/"${MODULE}"-*.jar | grep -v -e '-plain.jar$' -e '-sources.jar$' -e '-tests.jar$' | head -1)" /service.jar

FROM eclipse-temurin:17-jre
ARG MODULE
# the port the service listens on (its application.yml default: 8080 api-gateway .. 8084 device-gateway)
ARG PORT=8081
# curl answers the health check below
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 synergy \
 && useradd --system --uid 10001 --gid synergy --home-dir /app --shell /usr/sbin/nologin synergy
WORKDIR /app
COPY --from=build --chown=synergy:synergy /service.jar /app/service.jar
# numeric, so Kubernetes can check runAsNonRoot
USER 10001:10001
# Inside a container the service must listen beyond loopback (its default is 127.0.0.1).
# Kafka: SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS; the heap follows the container's memory limit.
ENV SYNERGY_MODULE=${MODULE} \
    SERVER_ADDRESS=0.0.0.0 \
    SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" >/dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
