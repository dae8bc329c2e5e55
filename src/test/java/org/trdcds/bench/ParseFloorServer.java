package org.trdcds.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.trdcds.config.FhirConfiguration;

/**
 * The floor of a hook call over HTTP, for bench/http.sh: an embedded Tomcat (the service's web server, its default
 * NIO connector and thread pool) whose only servlet reads the request, parses every prefetch value with HAPI exactly
 * as the service does (one Jackson tree of the body, each value handed to HAPI's lenient parser as that tree), and
 * answers {"cards":[]}. No Spring, no filters, no decision, no cards, nothing recorded: what the service cannot do less
 * than. Mode "parse" (default) or "http" (read the body and answer, no parse: the web server and the load tool alone).
 * Usage: ParseFloorServer port [parse|http]; ready when GET / answers; it warms itself on examples/ first.
 */
public final class ParseFloorServer {

    private static final byte[] EMPTY = "{\"cards\":[]}".getBytes(StandardCharsets.UTF_8);

    private ParseFloorServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        boolean parse = args.length < 2 || "parse".equals(args[1]);
        FhirContext fhirContext = FhirContext.forR4();
        ObjectMapper json = new ObjectMapper();
        FloorServlet servlet = new FloorServlet(fhirContext, json, parse);
        byte[] example = Files.readAllBytes(BenchData.SCENARIO_REQUEST);
        for (int i = 0; i < 2_000; i++) {
            servlet.parse(example);
        }
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("parse-floor").toString());
        tomcat.setPort(port);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "floor", servlet);
        context.addServletMappingDecoded("/*", "floor");
        tomcat.start();
        System.out.println("parse floor (" + (parse ? "parse" : "http") + ") listening on " + port);
        tomcat.getServer().await();
    }

    static final class FloorServlet extends HttpServlet {

        private final transient FhirContext fhirContext;
        private final transient ObjectMapper json;
        private final boolean parse;

        FloorServlet(FhirContext fhirContext, ObjectMapper json, boolean parse) {
            this.fhirContext = fhirContext;
            this.json = json;
            this.parse = parse;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            answer(response);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = request.getInputStream().readAllBytes();
            if (parse) {
                parse(body);
            }
            answer(response);
        }

        private static void answer(HttpServletResponse response) throws IOException {
            response.setContentType("application/json");
            response.setContentLength(EMPTY.length);
            response.getOutputStream().write(EMPTY);
        }

        int parse(byte[] body) throws IOException {
            JsonNode prefetch = json.readTree(body).path("prefetch");
            IJsonLikeParser parser = (IJsonLikeParser) FhirConfiguration.lenientJsonParser(fhirContext);
            int parsed = 0;
            for (Iterator<Map.Entry<String, JsonNode>> values = prefetch.fields(); values.hasNext(); ) {
                JsonNode value = values.next().getValue();
                if (value.isObject()) {
                    JacksonStructure structure = new JacksonStructure();
                    structure.setNativeObject((ObjectNode) value);
                    parser.parseResource(structure);
                    parsed++;
                }
            }
            return parsed;
        }
    }
}
