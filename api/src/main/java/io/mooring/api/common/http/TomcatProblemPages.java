package io.mooring.api.common.http;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemReportValve} in place of Tomcat's HTML error report. Runs after Spring Boot's
 * own customizer, which adds a plain {@link ErrorReportValve} to the host; that one is removed.
 */
@Component
class TomcatProblemPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Container host = context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
          host.getPipeline().removeValve(valve);
        }
      }
      if (host instanceof StandardHost standard) {
        standard.setErrorReportValveClass(ProblemReportValve.class.getName());
      }
      host.getPipeline().addValve(new ProblemReportValve());
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
