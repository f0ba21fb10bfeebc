# syntax=docker/dockerfile:1
# Build: DOCKER_BUILDKIT=1 docker build -t status-codes-api .
# Run:   docker run --rm -p 8080:8080 -e APP_JWT_SECRET=<32+ bytes> status-codes-api
# .ci/docker-check proves the extract and runtime steps below without a Docker engine.

# ---- build: compile and package the executable jar -------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Wrapper and POM first: the dependency step below stays cached until one of them changes,
# whatever happens in src/. --chmod keeps mvnw executable even from a checkout that lost the bit.
COPY --chmod=0755 mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./

# Download Maven itself (the wrapper puts it under ~/.m2/wrapper), the dependencies and the plugins
# into a BuildKit cache mount: kept between builds, never baked into a layer.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline

# Sources last, so a code change re-runs only this step. Tests are not run here: CI runs
# ./mvnw -B verify before an image is built.
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests

# ---- extract: split the jar into Spring Boot's layers -----------------------
FROM eclipse-temurin:25-jre AS extract
WORKDIR /extract
# A fixed name, so the command below does not change with the version.
COPY --from=build /build/target/status-codes-api-0.1.0.jar app.jar
# Spring Boot 4's tools jar mode (layertools is gone). Without --launcher: a plain app.jar whose manifest
# names lib/*.jar, the layout the JVM's AOT cache (and CDS) can archive classes from. .ci/docker-check runs
# this exact command and fails if the two differ.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# ---- training: Java 25's AOT cache (JEP 483/514/515) -------------------------------------
# The JVM records the classes it loads and links, and the methods it profiles, while Spring refreshes the
# context (spring.context.exit=onRefresh stops before the web server starts), and writes them to app.aot.
# It must be the same JVM and the same class path, laid out at the same place, as at run time.
FROM eclipse-temurin:25-jre AS training
WORKDIR /app
COPY --from=extract /extract/extracted/dependencies/ ./
COPY --from=extract /extract/extracted/spring-boot-loader/ ./
COPY --from=extract /extract/extracted/snapshot-dependencies/ ./
COPY --from=extract /extract/extracted/application/ ./
RUN java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar app.jar

# ---- runtime ------------------------------------------------------------------
FROM eclipse-temurin:25-jre

# An unprivileged user with a fixed uid/gid; USER names it by number so that Kubernetes'
# runAsNonRoot can verify it. The app files stay root-owned: the app cannot rewrite itself.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin app

WORKDIR /app
# Least to most often changed, one COPY each so that each is its own cached layer: a code
# change rebuilds and ships only the small application layer (and the cache trained on it).
COPY --from=extract /extract/extracted/dependencies/ ./
COPY --from=extract /extract/extracted/spring-boot-loader/ ./
COPY --from=extract /extract/extracted/snapshot-dependencies/ ./
COPY --from=extract /extract/extracted/application/ ./
COPY --from=training /app/app.aot ./

USER 10001:10001
# 8080: the API, and health for load balancers as /livez and /readyz. The actuator (/actuator/health, Prometheus'
# /actuator/prometheus, no token needed there) has a port of its own, 8081, on the container's loopback interface
# only. To scrape from outside the container: -e MANAGEMENT_SERVER_ADDRESS=0.0.0.0 and publish 8081 to the
# monitoring network only, never to the internet (docs/operations.md).
ENV MANAGEMENT_SERVER_PORT=8081 MANAGEMENT_SERVER_ADDRESS=127.0.0.1
EXPOSE 8080

# The JRE image has neither curl nor wget: bash's /dev/tcp sends the request. Healthy only
# when readiness says "status":"UP" (a DOWN answer or no answer fails). Follows SERVER_PORT
# if the port is changed that way.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/"${SERVER_PORT:-8080}" && printf "GET /readyz HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"status\":\"UP\"" <&3'

# Exec form, so java is PID 1 and gets docker stop's SIGTERM for a graceful shutdown.
# -XX:AOTCache: start from the training run's cache (about half the start-up time, see
# bench/BENCHMARKS.md); a JVM that cannot use it says so and starts without it.
# The JVM sizes its heap from the container's memory limit (75 %, leaving room for metaspace,
# threads and buffers) and exits on OutOfMemoryError so the orchestrator restarts it instead
# of leaving a half-dead process. More flags: -e JAVA_TOOL_OPTIONS=...
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "app.jar"]
