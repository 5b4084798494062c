package dev.kiln.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectYaml} must answer exactly what SnakeYAML's parse gives through {@link YamlText}
 * wherever it answers, and leave everything else to it.
 */
class DirectYamlTests {
    /** Scalars at the edges of YAML 1.1's types as SnakeYAML reads them, and of the subset. */
    private static final List<String> SCALARS = List.of("plain", "Two words", "A sentence, with commas. And more!",
            "\"Quoted: with # and colon\"", "'single quoted'", "\"\"", "''", "\" spaced \"", "yes", "No", "TRUE", "off",
            "On", "y", "n", "null", "Null", "~", "true", "False", "0", "7", "42", "123456789", "1234567890", "007", "08", "09", "010",
            "-3", "+3", "3.5", "1e3", ".5", "0x1F", "0o17", "0b101", "1_000", "1:30", "2024-03-05", "2024-3-5",
            "2024-03-05T10:00:00Z", "2024-03-05 10:00", "inf", ".inf", "nan", ".NaN", "a: b", "a:b", "a #b", "a#b",
            "x - y", "(parens)", "why?", "semi;colon", "trailing ", "\"escaped \\\" quote\"", "'it''s'", "[a, b]",
            "{a: 1}", "&anchor a", "*alias", "!tag a", "|", ">", "@at", "`tick`", "%pc", "Ünïcödé", "\"Ünïcödé\"",
            "=", "<<", "-", "- a", "?", "a\tb", "\"a\tb\"", "e5", "Infinity", "Yes please", "on-off", "no_way");
    private static final List<String> KEYS = List.of("title", "date", "tags", "draft", "weight", "description",
            "x-y", "a_b", "Key2", "yes", "null", "on", "y", "2nd", "_hidden", "has space", "url");

    @Test
    void everyScalarReadsAsSnakeYamlReadsIt() {
        for (var key : KEYS) {
            for (var scalar : SCALARS) {
                compare(key + ": " + scalar + "\n");
                compare(key + ":\n  - " + scalar + "\n  - second\n");
                compare(key + ":\n- " + scalar + "\n");
                compare(key + ": [" + scalar + "]\n");
                compare(key + ": [first, " + scalar + " ]\n");
                compare(key + ": [ " + scalar + ",last]\n");
                compare("params:\n  " + key + ": " + scalar + "\n  other: [" + scalar + "]\ntitle: t\n");
            }
        }
    }

    @Test
    void randomFrontMatterReadsAsSnakeYamlReadsIt() {
        var random = new SplittableRandom(2811);
        int direct = 0;
        for (int i = 0; i < 5000; i++) {
            var text = new StringBuilder();
            for (int lines = random.nextInt(8); lines > 0; lines--) {
                text.append(line(random));
            }
            if (compare(text.toString())) {
                direct++;
            }
        }
        assertTrue(direct > 800, direct + " of 5000 read directly");
    }

    @Test
    void theCorpusFrontMatterIsInTheSubset() {
        var text = "title: \"Locale Latency File Node\"\ndate: 2022-07-26\ntags:\n  - build\n  - cache\ndraft: false\n"
                + "description: \"Path lexer build registry.\"\n";
        assertNotNull(DirectYaml.mapping(text));
        assertEquals(Map.of("title", "Locale Latency File Node", "date", "2022-07-26", "tags", List.of("build", "cache"),
                "draft", false, "description", "Path lexer build registry."), DirectYaml.mapping(text));
    }

    @Test
    void aMappingNestedUnderAKeyIsReadDirectly() {
        var text = "title: Docs\ncascade:\n  layout: docs\n  toc: true\n  tags: [a, b]\n  weight: 3\n  gone:\n\nparams:\n    x: y\n";
        assertEquals(Map.of("title", "Docs", "cascade", Map.of("layout", "docs", "toc", true, "tags", List.of("a", "b"),
                "weight", 3), "params", Map.of("x", "y")), DirectYaml.mapping(text));
        assertTrue(compare(text));
    }

    @Test
    void aFlowListOfScalarsIsReadDirectly() {
        var text = "tags: [build, \"cache, warm\", 'ci', 2024-03-05, 7, yes, null]\ncategories: [ docs ]\n";
        var items = new java.util.ArrayList<Object>(List.of("build", "cache, warm", "ci", "2024-03-05", 7, true));
        items.add(null);
        assertEquals(Map.of("tags", items, "categories", List.of("docs")), DirectYaml.mapping(text));
        assertTrue(compare(text));
    }

    @Test
    void whatLeavesTheSubsetIsLeftToSnakeYaml() {
        for (var text : List.of("a: 1\na: 2\n", "a: ", "a: []\n", "a: [x, y,]\n", "a: [x,, y]\n",
                "a: [x, [y]]\n", "a:\n  b:\n    c: 1\n", "a:\n  b:\n  - x\n", "a:\n  b: 1\n   c: 2\n", "a:\n  b: 1\n\n  c: 2\n",
                "a:\n  b: 1\n  # note\n  c: 2\n", "a:\n  b: 1\n  - x\n", "a:\n  - x\n  b: 1\n", "a: [x, {y: 1}]\n", "a: [x,\n  y]\n", "a: [x] # note\n", "a: |\n  text\n", "a: x\r\n",
                "a:\n  - x\n   - y\n", "a:\n  - x\n  b: 1\n", " a: 1\n", "a: 1 # note\n", "---\na: 1\n", "a: \"x\\ty\"\n",
                "a:\n  - [x]\n", "a: &x 1\n", "a: 'x''y'\n", "a:\tb\n", "a: x\n  - y\n")) {
            assertNull(DirectYaml.mapping(text), text);
        }
    }

    private static String line(SplittableRandom random) {
        var key = KEYS.get(random.nextInt(KEYS.size()));
        return switch (random.nextInt(10)) {
            case 0 -> "\n";
            case 1 -> "# a comment: with colon\n";
            case 2, 3 -> {
                var list = new StringBuilder(key).append(":\n");
                var indent = List.of("", "  ", "    ").get(random.nextInt(3));
                for (int n = random.nextInt(4); n > 0; n--) {
                    list.append(random.nextInt(12) == 0 ? "   " : indent).append("- ")
                            .append(SCALARS.get(random.nextInt(SCALARS.size()))).append('\n');
                }
                yield list.toString();
            }
            case 4 -> key + ":\n";
            case 6 -> {
                var nested = new StringBuilder(key).append(":\n");
                var indent = List.of(" ", "  ", "    ").get(random.nextInt(3));
                for (int n = random.nextInt(4); n >= 0; n--) {
                    nested.append(random.nextInt(15) == 0 ? indent + "  " : random.nextInt(15) == 0 ? "" : indent);
                    nested.append(switch (random.nextInt(12)) {
                        case 0 -> "\n";
                        case 1 -> "# nested comment\n";
                        case 2 -> "- " + SCALARS.get(random.nextInt(SCALARS.size())) + "\n";
                        case 3 -> KEYS.get(random.nextInt(KEYS.size())) + ":\n";
                        case 4 -> KEYS.get(random.nextInt(KEYS.size())) + ": [" + SCALARS.get(random.nextInt(SCALARS.size()))
                                + ", b]\n";
                        default -> KEYS.get(random.nextInt(KEYS.size())) + ": " + SCALARS.get(random.nextInt(SCALARS.size()))
                                + "\n";
                    });
                }
                yield nested.toString();
            }
            case 5 -> {
                var list = new StringBuilder(key).append(": [").append(random.nextInt(6) == 0 ? " " : "");
                for (int n = random.nextInt(5); n > 0; n--) {
                    list.append(SCALARS.get(random.nextInt(SCALARS.size())))
                            .append(List.of(", ", ",", " , ", ",  ").get(random.nextInt(4)));
                }
                list.append(SCALARS.get(random.nextInt(SCALARS.size()))).append(random.nextInt(6) == 0 ? " ]" : "]");
                yield list.append('\n').toString();
            }
            default -> key + ": " + SCALARS.get(random.nextInt(SCALARS.size())) + "\n";
        };
    }

    /** Compares with SnakeYAML's reading, failures included; answers whether DirectYaml answered. */
    private static boolean compare(String text) {
        var direct = DirectYaml.mapping(text);
        Object snakeYaml;
        try {
            snakeYaml = YamlText.parseMappingWithSnakeYaml(text, "t.md", 2);
        } catch (SiteException e) {
            snakeYaml = e;
        }
        if (direct == null) {
            return false;
        }
        assertEquals(snakeYaml, direct, text);
        // The same kinds of values, not only equal ones (a Long where SnakeYAML gives an Integer would differ in JSON).
        assertEquals(String.valueOf(types(snakeYaml)), String.valueOf(types(direct)), text);
        return true;
    }

    private static Object types(Object value) {
        return switch (value) {
            case Map<?, ?> map -> map.entrySet().stream().map(entry -> entry.getKey() + "=" + types(entry.getValue())).toList();
            case List<?> list -> list.stream().map(DirectYamlTests::types).toList();
            case null -> "null";
            default -> value.getClass().getSimpleName();
        };
    }
}
