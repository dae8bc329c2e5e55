package org.trdcds.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.web.util.UrlPathHelper;

/**
 * Which rule a request falls under: the CDS endpoints, the admin endpoints, or neither. The path is
 * read both as the container mapped it and as Spring MVC will; the stricter reading wins.
 */
enum ProtectedArea {
    PUBLIC,
    CDS,
    ADMIN;

    private static final Pattern MULTIPLE_SLASHES = Pattern.compile("/{2,}");

    static ProtectedArea of(HttpServletRequest request) {
        String containerPath = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String mvcPath = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return Stream.of(containerPath, mvcPath)
                .map(path -> ofPath(
                        path.contains("//") ? MULTIPLE_SLASHES.matcher(path).replaceAll("/") : path))
                .max(Enum::compareTo)
                .orElseThrow();
    }

    static ProtectedArea ofPath(String path) {
        if (under(path, "/cds-services")) {
            return CDS;
        }
        if (under(path, "/admin") || (under(path, "/actuator") && !under(path, "/actuator/health"))) {
            return ADMIN;
        }
        return PUBLIC;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
