package org.drcc.incident.scenario;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;

/** The plan's scenarios, loaded from a YAML file that an operator may replace with their own plan. */
public final class ScenarioCatalog {

    private final List<Scenario> scenarios;

    public ScenarioCatalog(List<Scenario> scenarios) {
        List<String> problems = validate(scenarios);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the scenario catalogue is invalid: " + String.join("; ", problems));
        }
        this.scenarios = List.copyOf(scenarios);
    }

    public static ScenarioCatalog load(Resource file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = file.getInputStream()) {
            return new ScenarioCatalog(yaml.readValue(in, CatalogFile.class).scenarios());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the scenario catalogue " + file + ": " + e.getMessage(), e);
        }
    }

    public List<Scenario> all() {
        return scenarios;
    }

    public Optional<Scenario> find(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private static List<String> validate(List<Scenario> scenarios) {
        List<String> problems = new ArrayList<>();
        if (scenarios == null || scenarios.isEmpty()) {
            return List.of("it lists no scenario");
        }
        Set<String> ids = new HashSet<>();
        for (Scenario s : scenarios) {
            if (s.id() == null || !s.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add("id '" + s.id() + "' is not lower-case words joined by '-'");
            } else if (!ids.add(s.id())) {
                problems.add("id '" + s.id() + "' appears twice");
            }
            if (s.severity() == null || s.rto() == null || s.rto().isNegative() || s.rto().isZero()) {
                problems.add("scenario '" + s.id() + "' needs a severity and a positive rto");
            }
        }
        return problems;
    }

    private record CatalogFile(List<Scenario> scenarios) {
    }
}
