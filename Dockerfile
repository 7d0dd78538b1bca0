# Builds Mooring from source and runs it as a plain JVM process.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /data mooring && mkdir -p /data && chown mooring /data
COPY --from=build /src/api/target/mooring.jar /app/mooring.jar
USER mooring
WORKDIR /data
EXPOSE 8080
# A server's JVM options: unlike the embedded default's run command (mooring.jvm.options in
# api/pom.xml, tuned to start fast and stay small), the full JIT compiler, which about triples the
# API's throughput (bench/api-latency.sh). Override with JAVA_OPTS.
ENV JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xms64m -Xmx512m"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/mooring.jar"]
