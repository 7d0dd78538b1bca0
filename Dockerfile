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
# The same JVM options as mooring.jvm.options in api/pom.xml; override with JAVA_OPTS.
ENV JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=48m -Xms32m -Xmx512m"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/mooring.jar"]
