package dev.proxywasm.teavm.maven;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a plugin configuration against the JSON Schema (2020-12) of the plugin's
 * {@code @PluginConfiguration} record, so that a configuration the plugin would refuse at start
 * (and, failing closed, refuse every request with) is refused at build time instead. The
 * validation is networknt's; this class only turns its findings into one line per violation.
 */
final class ConfigurationCheck {
    /** Duplicate keys refused, as the plugin's parser refuses them (Jackson would keep the last). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Keywords whose next evaluation-path segment is a name or index that also steps into the instance. */
    private static final Set<String> NAMED_CHILD = Set.of("properties", "patternProperties", "prefixItems");
    /** Keywords that step into the instance with no segment of their own after them. */
    private static final Set<String> UNNAMED_CHILD = Set.of("items", "additionalProperties", "contains",
            "unevaluatedItems", "unevaluatedProperties");
    /** Keywords followed by a name or index that stay at the same instance. */
    private static final Set<String> NAMED_SAME = Set.of("allOf", "anyOf", "oneOf", "dependentSchemas", "$defs");

    private ConfigurationCheck() {}

    /**
     * The violations of {@code configJson} against {@code schemaJson}, one line each with its JSON
     * path; empty when it conforms. Throws {@link IllegalArgumentException} when either is not JSON.
     */
    static List<String> violations(String schemaJson, String configJson) {
        JsonNode schemaNode = parse(schemaJson, "the schema");
        JsonNode config = parse(configJson, "the configuration");
        // English whatever the build machine's locale: the lines this class writes around them are.
        SchemaRegistryConfig english = SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build();
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                registry -> registry.schemaRegistryConfig(english)).getSchema(SchemaLocation.DOCUMENT, schemaNode);
        List<String> lines = new ArrayList<>(explain(schema.validate(config), 0, schemaNode));
        StrictValues.check(config, "$", lines);
        return lines;
    }

    private static JsonNode parse(String json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            // Jackson names a repeated key "Duplicate Object property"; the plugin refuses it too.
            String problem = e.getOriginalMessage().startsWith("Duplicate") ? " repeats a key, which the plugin refuses: "
                    : " is not JSON: ";
            throw new IllegalArgumentException(what + problem + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        }
    }

    /**
     * One line per violation. Errors from the branches of one {@code anyOf}/{@code oneOf} (looked
     * for from evaluation-path segment {@code from} on) are one violation: branches that failed
     * only on the value's type are left out, so what is said is about the form the value was
     * meant to have; if no branch is left, the line lists the types the forms accept.
     */
    private static List<String> explain(List<Error> errors, int from, JsonNode schema) {
        List<String> lines = new ArrayList<>();
        Map<String, Alternatives> groups = new LinkedHashMap<>();
        Set<String> ambiguous = new LinkedHashSet<>();
        for (Error error : errors) {
            int at = alternativesIndex(error.getEvaluationPath(), from);
            if (at < 0 && error.getKeyword().equals("oneOf")) {
                // Its branches' errors say why none matched; it alone says that several did.
                if (!String.valueOf(error.getArguments()[0]).equals("0")) {
                    NodePath evaluation = error.getEvaluationPath();
                    ambiguous.add(prefixText(evaluation, evaluation.getNameCount() - 1) + "@"
                            + error.getInstanceLocation());
                    lines.add(ViolationText.path(error.getInstanceLocation()) + ": expected a value that matches"
                            + " exactly one of the forms it may take, found " + ViolationText.found("oneOf",
                            error.getInstanceNode()) + ", which matches " + error.getArguments()[0]);
                }
                continue;
            }
            if (at < 0) {
                lines.add(ViolationText.of(error, schema));
                continue;
            }
            NodePath instance = prefix(error.getInstanceLocation(), instanceDepth(error.getEvaluationPath(), at));
            String key = prefixText(error.getEvaluationPath(), at) + "@" + instance;
            groups.computeIfAbsent(key, k -> new Alternatives(instance, at, new LinkedHashMap<>()))
                    .branches().computeIfAbsent(error.getEvaluationPath().getName(at + 1), k -> new ArrayList<>())
                    .add(error);
        }
        groups.forEach((key, group) -> {
            if (!ambiguous.contains(key)) {
                lines.addAll(group.explain(schema));
            }
        });
        return lines;
    }

    /** The branches of one failed {@code anyOf}/{@code oneOf} at one place in the configuration. */
    private record Alternatives(NodePath instance, int at, Map<String, List<Error>> branches) {
        List<String> explain(JsonNode schema) {
            List<List<Error>> meant = new ArrayList<>();
            List<Error> wrongType = new ArrayList<>();
            for (List<Error> branch : branches.values()) {
                if (branch.stream().allMatch(e -> e.getKeyword().equals("type")
                        && e.getInstanceLocation().getNameCount() == instance.getNameCount())) {
                    wrongType.addAll(branch);
                } else {
                    meant.add(branch);
                }
            }
            String path = ViolationText.path(instance);
            if (meant.isEmpty()) {
                Set<String> types = new LinkedHashSet<>();
                wrongType.forEach(e -> types.add(ViolationText.expectation(e).substring("expected ".length())));
                return List.of(path + ": expected " + String.join(" or ", types) + ", found "
                        + ViolationText.found("type", wrongType.get(0).getInstanceNode()));
            }
            if (meant.size() == 1) {
                return ConfigurationCheck.explain(meant.get(0), at + 2, schema);
            }
            List<String> forms = new ArrayList<>();
            for (List<Error> branch : meant) {
                List<String> lines = ConfigurationCheck.explain(branch, at + 2, schema);
                forms.add("(" + (forms.size() + 1) + ") " + String.join("; ", lines).replace(path + ": ", ""));
            }
            return List.of(path + ": matches none of the forms it may take: " + String.join(" ", forms));
        }
    }

    /** Where the first {@code anyOf}/{@code oneOf} branch is in an evaluation path, from {@code from} on, or -1. */
    private static int alternativesIndex(NodePath evaluation, int from) {
        for (int i = from; i < evaluation.getNameCount() - 1; i++) {
            String name = evaluation.getName(i);
            if (name.equals("anyOf") || name.equals("oneOf")) {
                return i;
            }
        }
        return -1;
    }

    /** How deep in the configuration the schema is at evaluation-path segment {@code end}. */
    private static int instanceDepth(NodePath evaluation, int end) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            String name = evaluation.getName(i);
            if (NAMED_CHILD.contains(name)) {
                depth++;
                i++;
            } else if (UNNAMED_CHILD.contains(name)) {
                depth++;
            } else if (NAMED_SAME.contains(name)) {
                i++;
            }
        }
        return depth;
    }

    private static NodePath prefix(NodePath path, int length) {
        NodePath prefix = new NodePath(path.getPathType());
        for (int i = 0; i < length && i < path.getNameCount(); i++) {
            prefix = path.getElement(i) instanceof Integer index ? prefix.append(index) : prefix.append(path.getName(i));
        }
        return prefix;
    }

    private static String prefixText(NodePath path, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= length; i++) {
            sb.append('/').append(path.getName(i));
        }
        return sb.toString();
    }
}
