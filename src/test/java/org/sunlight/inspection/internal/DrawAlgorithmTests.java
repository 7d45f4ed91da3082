package org.sunlight.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.sunlight.inspection.internal.DrawAlgorithm.Candidate;
import org.sunlight.inspection.internal.DrawAlgorithm.Conflict;
import org.sunlight.inspection.internal.DrawAlgorithm.Inputs;
import org.sunlight.inspection.internal.DrawAlgorithm.Target;
import org.sunlight.procedure.RuleViolation;

/** The draw algorithm sunlight-draw-v1 (docs/random-draw.md): reproducible, proportional, skipping conflicts. */
class DrawAlgorithmTests {

    static final String SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    static final Map<String, BigDecimal> RATES = Map.of("high", new BigDecimal("0.5"), "medium", new BigDecimal("0.2"),
            "low", new BigDecimal("0.05"));
    static final List<String> POOL = List.of("zhangsan", "lisi", "zhouba", "wujiu");

    static List<Candidate> population(int high, int medium, int low) {
        List<Candidate> population = new ArrayList<>();
        for (int i = 0; i < high; i++) {
            population.add(new Candidate(String.format("H%03d", i), "high"));
        }
        for (int i = 0; i < medium; i++) {
            population.add(new Candidate(String.format("M%03d", i), "medium"));
        }
        for (int i = 0; i < low; i++) {
            population.add(new Candidate(String.format("L%03d", i), "low"));
        }
        return population;
    }

    static Inputs inputs(List<Candidate> population, List<Conflict> conflicts) {
        return DrawAlgorithm.inputs("JC-2026-00001", "JC-AQ-01", population, RATES, POOL, conflicts, 2);
    }

    @Test
    void theSameSeedAndInputsGiveTheSameDrawWhateverTheOrderTheyCameIn() {
        List<Candidate> population = population(4, 10, 20);
        List<Target> first = DrawAlgorithm.run(SEED, inputs(population, List.of()));
        List<Candidate> reversed = new ArrayList<>(population);
        java.util.Collections.reverse(reversed);
        List<Target> again = DrawAlgorithm.run(SEED, DrawAlgorithm.inputs("JC-2026-00001", "JC-AQ-01", reversed, RATES,
                List.of("wujiu", "zhouba", "lisi", "zhangsan"), List.of(), 2));
        assertThat(again).isEqualTo(first);
        String otherSeed = SEED.replace("1f", "20");
        assertThat(DrawAlgorithm.run(otherSeed, inputs(population, List.of()))).isNotEqualTo(first);
    }

    @Test
    void eachRiskClassGivesItsRateOfTargetsRoundedUp() {
        // 4 high × 0.5 = 2; 10 medium × 0.2 = 2; 20 low × 0.05 = 1
        assertThat(countByClass(DrawAlgorithm.run(SEED, inputs(population(4, 10, 20), List.of()))))
                .isEqualTo(Map.of("high", 2L, "medium", 2L, "low", 1L));
        // 3 × 0.5 = 1.5 → 2; 11 × 0.2 = 2.2 → 3; 21 × 0.05 = 1.05 → 2; one member of a class is drawn at any rate > 0
        assertThat(countByClass(DrawAlgorithm.run(SEED, inputs(population(3, 11, 21), List.of()))))
                .isEqualTo(Map.of("high", 2L, "medium", 3L, "low", 2L));
        assertThat(countByClass(DrawAlgorithm.run(SEED, inputs(population(1, 1, 1), List.of()))))
                .isEqualTo(Map.of("high", 1L, "medium", 1L, "low", 1L));
    }

    private static Map<String, Long> countByClass(List<Target> targets) {
        return targets.stream().collect(java.util.stream.Collectors.groupingBy(Target::riskClass,
                java.util.stream.Collectors.counting()));
    }

    @Test
    void everyTargetGetsTwoDistinctInspectorsFromThePoolAndTargetsAreDistinct() {
        List<Target> targets = DrawAlgorithm.run(SEED, inputs(population(10, 20, 40), List.of()));
        Set<String> ids = new HashSet<>();
        for (Target target : targets) {
            assertThat(ids.add(target.id())).isTrue();
            assertThat(target.inspectors()).hasSize(2).doesNotHaveDuplicates().isSubsetOf(POOL);
            assertThat(target.skipped()).isEmpty();
        }
    }

    @Test
    void anInspectorWithADeclaredConflictIsSkippedForThatTargetOnly() {
        List<Candidate> population = population(1, 0, 0);
        // find a seed under which lisi would be drawn for H000
        String seed = null;
        for (int i = 0; seed == null; i++) {
            String candidate = String.format("%064x", i);
            if (DrawAlgorithm.run(candidate, inputs(population, List.of())).get(0).inspectors().contains("lisi")) {
                seed = candidate;
            }
        }
        List<String> before = DrawAlgorithm.run(seed, inputs(population, List.of())).get(0).inspectors();
        Target after = DrawAlgorithm.run(seed, inputs(population, List.of(new Conflict("lisi", "H000")))).get(0);
        assertThat(after.inspectors()).doesNotContain("lisi").hasSize(2);
        assertThat(after.skipped()).containsExactly("lisi");
        // the other drawn inspector stays; the next one in the shuffled order replaces lisi
        assertThat(after.inspectors()).containsAll(before.stream().filter(u -> !u.equals("lisi")).toList());
        // a conflict with another entity changes nothing
        assertThat(DrawAlgorithm.run(seed, inputs(population, List.of(new Conflict("lisi", "X999")))).get(0).inspectors())
                .isEqualTo(before);
    }

    @Test
    void fewerThanTwoInspectorsWithoutConflictRefuseTheDraw() {
        List<Conflict> conflicts = List.of(new Conflict("lisi", "H000"), new Conflict("zhouba", "H000"),
                new Conflict("wujiu", "H000"));
        assertThatThrownBy(() -> DrawAlgorithm.run(SEED, inputs(population(1, 0, 0), conflicts)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不足2名");
    }

    @Test
    void theCommitmentIsTheSha256OfTheSeedBytes() {
        // SHA-256 of the bytes 0x00..0x1f
        assertThat(DrawAlgorithm.commitment(SEED))
                .isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
        assertThat(DrawAlgorithm.newSeed(new java.security.SecureRandom())).matches("[0-9a-f]{64}");
    }

    @Test
    void uniformNumbersStayBelowTheirBound() {
        DrawAlgorithm.Stream stream = new DrawAlgorithm.Stream(new byte[32], "test");
        int[] counts = new int[3];
        for (int i = 0; i < 300; i++) {
            counts[stream.below(3)]++;
        }
        assertThat(counts).doesNotContain(0);
        assertThat(new DrawAlgorithm.Stream(new byte[32], "test").below(1)).isZero();
    }

    /**
     * A known answer, also computed by the reference implementation in docs/random-draw.md: an independent
     * implementation of the published description must give exactly this.
     */
    @Test
    void knownAnswerOfThePublishedDescription() {
        List<Target> targets = DrawAlgorithm.run(SEED, inputs(population(3, 5, 4),
                List.of(new Conflict("lisi", "H000"), new Conflict("zhangsan", "L001"))));
        assertThat(InspectionDraws.write(targets)).isEqualTo(KNOWN_ANSWER);
    }

    static final String KNOWN_ANSWER = "[{\"id\":\"H000\",\"riskClass\":\"high\",\"inspectors\":[\"zhangsan\",\"wujiu\"],"
            + "\"skipped\":[\"lisi\"]},{\"id\":\"H001\",\"riskClass\":\"high\",\"inspectors\":[\"wujiu\",\"zhangsan\"],"
            + "\"skipped\":[]},{\"id\":\"L001\",\"riskClass\":\"low\",\"inspectors\":[\"wujiu\",\"lisi\"],\"skipped\":[]},"
            + "{\"id\":\"M002\",\"riskClass\":\"medium\",\"inspectors\":[\"zhouba\",\"zhangsan\"],\"skipped\":[]}]";
}
