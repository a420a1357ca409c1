# Public Reflexes application image (profile "postgres": the demo organisation on PostgreSQL).
# Build: docker build -t public-reflexes .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/
RUN ./mvnw -B -q -DskipTests package && cp target/public-reflexes-*.jar /build/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 reflexes
WORKDIR /app
COPY --from=build /build/app.jar /app/app.jar
USER reflexes
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
