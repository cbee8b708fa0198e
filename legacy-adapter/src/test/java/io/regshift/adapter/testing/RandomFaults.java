package io.regshift.adapter.testing;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import io.regshift.testkit.Fault;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Faults for the fake to inject at random, for the property tests of both transports. */
public final class RandomFaults {
    private RandomFaults() {}

    /**
     * Lists of none to three of {@code kinds}, each on a fraction of the requests between {@code
     * minFraction} and {@code maxFraction}.
     */
    public static Gen<List<Fault>> upToThree(List<Fault> kinds, double minFraction, double maxFraction) {
        Gen<Fault> fault = Generate.pick(kinds).zip(doubles().between(minFraction, maxFraction), Fault::onFraction);
        return lists().of(fault).ofSizeBetween(0, 3);
    }

    /** The smallest and largest choices: no fault, and each kind alone on either end of the range. */
    public static List<List<Fault>> edgeCases(List<Fault> kinds, double minFraction, double maxFraction) {
        List<List<Fault>> cases = new ArrayList<>();
        cases.add(List.of());
        for (Fault kind : kinds) {
            cases.add(List.of(kind.onFraction(minFraction)));
            cases.add(List.of(kind.onFraction(maxFraction)));
        }
        return cases;
    }
}
