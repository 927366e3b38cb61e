package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker-compose.yml} read as compose reads it: each value with its variables resolved from an environment
 * (the {@code .env} of a deployment) and the file's own defaults.
 *
 * <p>Interpolation is written here because no Java library implements the compose file's rules, and compose itself
 * needs a Docker engine or a Python install this build does not have. The rules (compose specification,
 * "Interpolation"): {@code ${VAR}} and {@code $VAR}; {@code ${VAR:-default}} when unset or empty,
 * {@code ${VAR-default}} when unset; {@code ${VAR:?error}} and {@code ${VAR?error}} stop with the error;
 * {@code $$} is a literal {@code $}. A default may itself hold variables.
 */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile(
            "\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^{}]|\\{[^{}]*})*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final JsonNode services;
    private final Map<String, String> variables;

    ComposeFile(Path file, Map<String, String> variables) {
        try {
            this.services = new YAMLMapper().readTree(file.toFile()).path("services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.variables = Map.copyOf(variables);
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The service's environment, resolved, whether the file writes it as a map or as a list of KEY=value. */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service(service).path("environment");
        if (node.isArray()) {
            node.forEach(e -> {
                String[] pair = e.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? resolve(pair[1]) : variables.getOrDefault(pair[0], ""));
            });
        } else {
            node.properties().forEach(e -> env.put(e.getKey(), resolve(e.getValue().asText())));
        }
        return env;
    }

    /** Each bind mount of the service as its resolved host path (relative to the compose file) by container path. */
    Map<String, String> bindMounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (JsonNode volume : service(service).path("volumes")) {
            String[] parts = resolve(volume.asText()).split(":");
            if (parts.length >= 2 && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                mounts.put(parts[1], parts[0]);
            }
        }
        return mounts;
    }

    /** The command of the service's healthcheck (its CMD form), resolved. */
    List<String> healthcheck(String service) {
        JsonNode test = service(service).path("healthcheck").path("test");
        List<String> command = new ArrayList<>();
        test.forEach(t -> command.add(resolve(t.asText())));
        if (command.isEmpty() || !command.get(0).equals("CMD")) {
            throw new IllegalStateException(service + ": the healthcheck is not in CMD form: " + test);
        }
        return command.subList(1, command.size());
    }

    /** How long compose waits for the service to be healthy: start_period plus retries times interval, in seconds. */
    long healthyWithinSeconds(String service) {
        JsonNode check = service(service).path("healthcheck");
        return seconds(check.path("start_period").asText("0s"))
                + check.path("retries").asLong(3) * seconds(check.path("interval").asText("30s"));
    }

    /** The folder compose builds the service's image in ({@code build:}), relative to the compose file. */
    String build(String service) {
        JsonNode build = service(service).path("build");
        return resolve(build.isObject() ? build.path("context").asText() : build.asText());
    }

    /** The port the service listens on inside its container: the target of its first published port. */
    int containerPort(String service) {
        JsonNode port = service(service).path("ports").path(0);
        String text = port.isObject() ? port.path("target").asText() : port.asText().replace("/tcp", "");
        return Integer.parseInt(text.substring(text.lastIndexOf(':') + 1));
    }

    /** The (first) command line item of a service, resolved: for a one-shot service's shell script. */
    String command(String service) {
        JsonNode command = service(service).path("command");
        return resolve(command.isArray() ? command.get(0).asText() : command.asText());
    }

    /** {@code value} with its variables replaced as compose does. */
    String resolve(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement(m)));
        }
        return m.appendTail(out).toString();
    }

    private String replacement(Matcher m) {
        if (m.group().equals("$$")) {
            return "$";
        }
        String name = m.group(1) != null ? m.group(1) : m.group(4);
        String value = variables.get(name);
        String operator = m.group(2);
        if (operator == null) {
            return value == null ? "" : value;
        }
        boolean missing = operator.startsWith(":") ? value == null || value.isEmpty() : value == null;
        if (!missing) {
            return value;
        }
        if (operator.endsWith("?")) {
            throw new IllegalStateException("docker-compose.yml: " + name + ": " + m.group(3));
        }
        return resolve(m.group(3));
    }

    private JsonNode service(String name) {
        JsonNode service = services.path(name);
        if (!service.isObject()) {
            throw new IllegalStateException("docker-compose.yml has no service " + name);
        }
        return service;
    }

    private static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)([smh])").matcher(duration);
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1)) * switch (m.group(2)) {
                case "h" -> 3600;
                case "m" -> 60;
                default -> 1;
            };
        }
        return total;
    }
}
