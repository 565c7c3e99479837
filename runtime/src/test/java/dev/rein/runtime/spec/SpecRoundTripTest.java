package dev.rein.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code parse(print(spec))} gives back an equal spec, for hand-picked and for randomly generated specs. */
class SpecRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "l1",
        "l1(lambda=1e-5) + max_norm(c=3)",
        "elastic_net(lambda=0.1, l1_ratio=.5, on=all, mode=proximal)",
        "dropout(p=0.2, after='dense 1') + batch_norm(after=\"dense 1\", momentum=0.9)",
        "x(s='it\\'s', t=\"a\\\\b\", u='', v='(a, b) + c=d', w=1e+5, y=-Infinity)",
        "early_stopping(patience=5, metric=accuracy)",
        "a1 + b_2() + c__3(k='\\t\\n\\r')",
    })
    void handWrittenSpecsSurviveAPrintAndAParse(String text) {
        Spec spec = SpecParser.parse(text);
        Spec again = SpecParser.parse(spec.toString());
        assertEquals(spec, again);
        assertEquals(spec.toString(), again.toString());
    }

    @Test
    void randomSpecsSurviveAPrintAndAParse() {
        SplittableRandom random = new SplittableRandom(20240611L);
        for (int i = 0; i < 2000; i++) {
            Spec spec = randomSpec(random);
            String printed = spec.toString();
            assertEquals(spec, SpecParser.parse(printed), printed);
            assertEquals(spec, SpecParser.parse(respace(spec, random)), printed);
        }
    }

    private static Spec randomSpec(SplittableRandom random) {
        List<SpecTerm> terms = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int t = 0; t < count; t++) {
            Set<String> keys = new LinkedHashSet<>();
            int arguments = random.nextInt(5);
            while (keys.size() < arguments) {
                keys.add(randomName(random));
            }
            List<SpecArgument> args = new ArrayList<>();
            for (String key : keys) {
                args.add(SpecArgument.of(key, randomValue(random)));
            }
            terms.add(new SpecTerm(randomName(random), args, 0));
        }
        return new Spec("", terms);
    }

    private static String randomName(SplittableRandom random) {
        String first = "abcdefghijklmnopqrstuvwxyz";
        String rest = first + "0123456789_";
        StringBuilder name = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        for (int i = random.nextInt(8); i > 0; i--) {
            name.append(rest.charAt(random.nextInt(rest.length())));
        }
        return name.toString().equals("none") ? "none_x" : name.toString();
    }

    private static String randomValue(SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0:
                return Double.toString(random.nextDouble(-1e6, 1e6) * Math.pow(10, random.nextInt(-12, 12)));
            case 1:
                return Integer.toString(random.nextInt());
            case 2:
                return randomName(random) + (random.nextBoolean() ? "-" + random.nextInt(10) : "");
            default:
                String alphabet = "ab 1.-+=(),'\"\\\n\t\rλé$ _";
                StringBuilder s = new StringBuilder();
                for (int i = random.nextInt(10); i > 0; i--) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                return s.toString();
        }
    }

    /** Writes {@code spec} with random whitespace between its tokens, where the grammar allows it. */
    private static String respace(Spec spec, SplittableRandom random) {
        StringBuilder out = new StringBuilder();
        for (SpecTerm term : spec.terms()) {
            if (out.length() > 0) {
                out.append(space(random)).append('+');
            }
            out.append(space(random)).append(term.name()).append(space(random));
            if (!term.arguments().isEmpty() || random.nextBoolean()) {
                out.append('(');
                for (int i = 0; i < term.arguments().size(); i++) {
                    SpecArgument a = term.arguments().get(i);
                    out.append(i == 0 ? "" : ",").append(space(random)).append(a.key()).append(space(random))
                            .append('=').append(space(random)).append(SpecArgument.quoteIfNeeded(a.value()))
                            .append(space(random));
                }
                out.append(')');
            }
        }
        return out.append(space(random)).toString();
    }

    private static String space(SplittableRandom random) {
        return List.of("", "", " ", "  ", "\n", "\t ").get(random.nextInt(6));
    }
}
