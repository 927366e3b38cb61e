package org.drcc.notification.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.drcc.notification.egress.EgressGuard;
import org.springframework.stereotype.Component;

/**
 * A plan as JSON: read strictly (an unknown field is refused, not ignored), checked as a whole (the
 * shape of each field, each contact's target, then {@link PlanRules} and where the channel URLs point,
 * {@link PlanTargets}), written in full for storage,
 * and shown without targets or secrets.
 */
@Component
public class PlanDocuments {

    private final ObjectMapper json;
    private final Validator validator;
    private final EgressGuard egress;

    PlanDocuments(ObjectMapper json, Validator validator, EgressGuard egress) {
        this.egress = egress;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.validator = validator;
    }

    /** The plan in {@code document}, or a {@link PlanRejectedException} naming every problem found. */
    public CommunicationPlan read(String document) {
        return check(parse(document, CommunicationPlan.class, ""));
    }

    /** One audience (stakeholder group), to be put into a plan; checked again with the whole plan. */
    public CommunicationPlan.Audience readAudience(String document) {
        CommunicationPlan.Audience audience = parse(document, CommunicationPlan.Audience.class, "");
        List<PlanProblem> problems = violations(audience);
        if (problems.isEmpty()) {
            problems = PlanTargets.check(audience, egress);
        }
        reject(problems);
        return audience;
    }

    public CommunicationPlan check(CommunicationPlan plan) {
        return check(plan, true);
    }

    /**
     * A revision stored after it was accepted: its channel URLs are not looked up again here, so a name that
     * resolves elsewhere today fails its own sends (the guard refuses them) instead of every read of the plan.
     */
    CommunicationPlan readStored(String document) {
        return check(parse(document, CommunicationPlan.class, ""), false);
    }

    private CommunicationPlan check(CommunicationPlan plan, boolean targets) {
        List<PlanProblem> problems = new ArrayList<>(violations(plan));
        if (problems.isEmpty()) {
            problems.addAll(PlanRules.check(plan));
            if (targets) {
                problems.addAll(PlanTargets.check(plan, egress));
            }
        }
        reject(problems);
        return plan;
    }

    /** The whole plan, targets and secrets included: what is stored. */
    public String write(CommunicationPlan plan) {
        try {
            return json.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the plan cannot be written as JSON", e);
        }
    }

    /** What the API shows: every contact's channel and host or address, never a key, a URL path or a secret. */
    public JsonNode shown(CommunicationPlan plan) {
        JsonNode tree = json.valueToTree(plan);
        for (JsonNode contact : tree.findValues("contacts")) {
            for (JsonNode c : contact) {
                ObjectNode node = (ObjectNode) c;
                Contact real = json.convertValue(node, Contact.class);
                node.remove("target");
                node.remove("secret");
                node.put("shownAs", real.shownAs());
            }
        }
        return tree;
    }

    private <T> T parse(String document, Class<T> type, String prefix) {
        if (document == null || document.isBlank()) {
            throw new PlanRejectedException(List.of(new PlanProblem("", "the request body is missing")));
        }
        try {
            return json.readValue(document, type);
        } catch (JsonMappingException e) {
            throw new PlanRejectedException(List.of(new PlanProblem(prefix + path(e), reason(e))));
        } catch (JsonProcessingException e) {
            throw new PlanRejectedException(List.of(new PlanProblem("", "not valid JSON: "
                    + e.getOriginalMessage())));
        }
    }

    private <T> List<PlanProblem> violations(T value) {
        return validator.validate(value).stream()
                .map((ConstraintViolation<T> v) -> new PlanProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(PlanProblem::field)).toList();
    }

    private static void reject(List<PlanProblem> problems) {
        if (!problems.isEmpty()) {
            throw new PlanRejectedException(problems);
        }
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return root.getMessage();
        }
        return e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
