package org.ngrelay.ng.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sorts each case's differences against the allow-list: none (identical), listed (documented),
 * or a failure — including a listed case that no longer differs, so the list stays true.
 */
public final class CorpusTally {

    private final Map<String, String> known = GoldenCases.knownDifferences();
    private final List<String> failures = new ArrayList<>();
    private int identical;
    private int documented;

    public void record(GoldenCases.Case c, List<String> diffs) {
        if (diffs.isEmpty()) {
            identical++;
            if (known.containsKey(c.id())) {
                failures.add(c.name() + ": listed in known-differences.json but now identical: remove it from the list");
            }
        } else if (known.containsKey(c.id())) {
            documented++;
        } else {
            failures.add(c.name() + ":\n    " + String.join("\n    ", diffs));
        }
    }

    /** Cases recorded. */
    public int total() {
        return identical + documented + failures.size();
    }

    public List<String> failures() {
        return failures;
    }

    /** e.g. {@code 126 sequences identical, 26 documented differences, 0 failures}. */
    public String summary(String unit) {
        return identical + " " + unit + " identical, " + documented + " documented differences, " + failures.size() + " failures";
    }
}
