package io.synergy.core.network.ai8x;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * Reads a YAML document into plain values (LinkedHashMap, ArrayList, String, BigInteger, Boolean,
 * Double, null) the way PyYAML, which the izer uses, types plain scalars: YAML 1.1 implicit types,
 * so {@code 0xffffffffffffffff} is an integer, {@code True}/{@code yes} are booleans and
 * {@code None} stays a string. Quoted scalars are always strings. The snakeyaml-engine composer is
 * only asked for the node tree (failsafe schema, no tags resolved, no environment substitution), so
 * nothing in the document can instantiate anything.
 */
final class Yaml11Values {

    /** Largest document accepted, in code points (network descriptions are a few KiB). */
    static final int MAX_CODE_POINTS = 1 << 20;

    /** Anchors/aliases are never needed by a network description; a few are tolerated. */
    private static final int MAX_ALIASES = 50;

    /** Maximum nesting of mappings and sequences. */
    private static final int MAX_DEPTH = 16;

    // YAML 1.1 implicit resolvers as PyYAML defines them (resolver.py: bool, int, float, null).
    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern INT = Pattern.compile(
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
                    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

    private Yaml11Values() {
    }

    /** The document's root value; an empty document is an error. */
    static Object read(String yaml, String what) {
        if (yaml.codePointCount(0, yaml.length()) > MAX_CODE_POINTS) {
            throw new ModelImportException(what + ": larger than " + MAX_CODE_POINTS + " characters");
        }
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new FailsafeSchema())
                .setAllowDuplicateKeys(true) // reported below, with the key's name
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setLabel(what)
                .build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(yaml);
        } catch (YamlEngineException e) {
            throw new ModelImportException(what + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root.isEmpty()) {
            throw new ModelImportException(what + ": empty document");
        }
        return toValue(root.get(), what, 0);
    }

    private static Object toValue(Node node, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ModelImportException(where + ": nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.isPlain() ? plain(scalar.getValue()) : scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                list.add(toValue(item, where, depth + 1));
            }
            return list;
        }
        MappingNode mapping = (MappingNode) node;
        Map<Object, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Object key = toValue(tuple.getKeyNode(), where, depth + 1);
            if (key instanceof Map || key instanceof List) {
                throw new ModelImportException(where + ": a mapping key must be a scalar, got " + key);
            }
            if (map.containsKey(key)) {
                throw new ModelImportException(where + ": duplicate key '" + key + "'");
            }
            map.put(key, toValue(tuple.getValueNode(), where, depth + 1));
        }
        return map;
    }

    /** Types a plain scalar by YAML 1.1 rules. */
    static Object plain(String text) {
        if (NULL.matcher(text).matches()) {
            return null;
        }
        if (BOOL.matcher(text).matches()) {
            char c = Character.toLowerCase(text.charAt(0));
            return c == 'y' || c == 't' || (c == 'o' && text.length() == 2);
        }
        if (INT.matcher(text).matches()) {
            try {
                return parseInt(text);
            } catch (NumberFormatException e) {
                return text; // only underscores after the prefix: PyYAML fails here too; keep the text
            }
        }
        if (FLOAT.matcher(text).matches()) {
            String t = text.replace("_", "").toLowerCase();
            if (t.endsWith("inf")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            return t.endsWith("nan") ? Double.NaN : Double.parseDouble(t);
        }
        return text;
    }

    private static BigInteger parseInt(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        BigInteger value;
        if (t.startsWith("0b")) {
            value = new BigInteger(t.substring(2), 2);
        } else if (t.startsWith("0x")) {
            value = new BigInteger(t.substring(2), 16);
        } else if (t.length() > 1 && t.startsWith("0")) {
            value = new BigInteger(t.substring(1), 8); // YAML 1.1: a leading 0 means octal
        } else {
            value = new BigInteger(t);
        }
        return negative ? value.negate() : value;
    }
}
