package org.sunlight.inspection.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.sunlight.procedure.RuleViolation;

/**
 * The random draw of 双随机 (RULES 5.2, 5.6), algorithm {@value #NAME}: deterministic given the seed and the inputs,
 * so that anyone holding the published record can re-run it (docs/random-draw.md states it for re-implementation).
 * <ol>
 * <li>Random numbers: {@code R(label, k)} is the first 8 bytes, big-endian unsigned, of
 * {@code SHA-256(seed || UTF-8(label) || 0x00 || uint32_be(k))}, k = 0, 1, 2, … per label. A number below n is drawn
 * by rejection: take the next R; accept it if it is below {@code 2^64 - (2^64 mod n)} and answer {@code R mod n}.</li>
 * <li>Targets: the population is grouped by risk class (classes in ascending code order, members by ascending id);
 * a group of size m with sample rate r gives {@code ceil(m × r)} targets (at most m), chosen by a partial
 * Fisher–Yates shuffle with label {@code "targets/" + class}: for i = 0 … count−1, j = i + below(m − i), swap i and j;
 * the first count members are the targets, in that order.</li>
 * <li>Inspectors: for each target in order, the pool (ascending user ids) is shuffled completely by Fisher–Yates with
 * label {@code "inspectors/" + targetId}; going through the shuffled pool, an inspector with a declared conflict of
 * interest for that target is skipped (and recorded as skipped), the others are taken until the target has
 * inspectorsPerTarget of them. Fewer eligible inspectors refuse the draw.</li>
 * </ol>
 */
final class DrawAlgorithm {

    static final String NAME = "sunlight-draw-v1";
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private DrawAlgorithm() {
    }

    record Candidate(String id, String riskClass) {
    }

    record Conflict(String inspector, String entityId) {
    }

    /** What a draw is made from, in canonical order (see {@link #inputs}). */
    @JsonPropertyOrder({"algorithm", "businessKey", "itemCode", "population", "sampleRates", "inspectors", "conflicts",
            "inspectorsPerTarget"})
    record Inputs(String algorithm, String businessKey, String itemCode, List<Candidate> population,
                  Map<String, BigDecimal> sampleRates, List<String> inspectors, List<Conflict> conflicts,
                  int inspectorsPerTarget) {
    }

    @JsonPropertyOrder({"id", "riskClass", "inspectors", "skipped"})
    record Target(String id, String riskClass, List<String> inspectors, List<String> skipped) {
    }

    /** Inputs with every list sorted, so the same facts always give the same record. */
    static Inputs inputs(String businessKey, String itemCode, List<Candidate> population, Map<String, BigDecimal> rates,
                         List<String> inspectors, List<Conflict> conflicts, int inspectorsPerTarget) {
        List<Candidate> sortedPopulation = population.stream().sorted(Comparator.comparing(Candidate::id)).toList();
        Map<String, BigDecimal> sortedRates = new TreeMap<>();
        rates.forEach((k, v) -> sortedRates.put(k, v.stripTrailingZeros()));
        List<String> sortedInspectors = inspectors.stream().distinct().sorted().toList();
        List<Conflict> sortedConflicts = conflicts.stream().distinct()
                .sorted(Comparator.comparing(Conflict::inspector).thenComparing(Conflict::entityId)).toList();
        return new Inputs(NAME, businessKey, itemCode, sortedPopulation, sortedRates, sortedInspectors, sortedConflicts,
                inspectorsPerTarget);
    }

    static List<Target> run(String seedHex, Inputs inputs) {
        if (!NAME.equals(inputs.algorithm())) {
            throw new IllegalArgumentException("Unknown draw algorithm " + inputs.algorithm());
        }
        byte[] seed = HexFormat.of().parseHex(seedHex);
        Map<String, List<Candidate>> groups = new TreeMap<>();
        for (Candidate candidate : inputs.population().stream().sorted(Comparator.comparing(Candidate::id)).toList()) {
            groups.computeIfAbsent(candidate.riskClass(), k -> new ArrayList<>()).add(candidate);
        }
        List<Candidate> chosen = new ArrayList<>();
        for (Map.Entry<String, List<Candidate>> group : groups.entrySet()) {
            BigDecimal rate = inputs.sampleRates().get(group.getKey());
            if (rate == null) {
                throw new IllegalArgumentException("No sample rate for risk class " + group.getKey());
            }
            List<Candidate> members = new ArrayList<>(group.getValue());
            int count = Math.min(members.size(), BigDecimal.valueOf(members.size()).multiply(rate)
                    .setScale(0, RoundingMode.CEILING).intValueExact());
            Stream stream = new Stream(seed, "targets/" + group.getKey());
            for (int i = 0; i < count; i++) {
                Collections.swap(members, i, i + stream.below(members.size() - i));
            }
            chosen.addAll(members.subList(0, count));
        }
        Set<String> conflicts = inputs.conflicts().stream().map(c -> c.inspector() + "\u0000" + c.entityId())
                .collect(Collectors.toSet());
        List<String> pool = inputs.inspectors().stream().sorted().toList();
        List<Target> targets = new ArrayList<>();
        for (Candidate candidate : chosen) {
            List<String> shuffled = inspectorOrder(seed, pool, candidate.id());
            List<String> inspectors = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (String inspector : shuffled) {
                if (inspectors.size() == inputs.inspectorsPerTarget()) {
                    break;
                }
                if (conflicts.contains(inspector + "\u0000" + candidate.id())) {
                    skipped.add(inspector);
                } else {
                    inspectors.add(inspector);
                }
            }
            if (inspectors.size() < inputs.inspectorsPerTarget()) {
                throw new RuleViolation("too-few-inspectors", "检查对象 " + candidate.id() + " 可选派的检查人员不足"
                        + inputs.inspectorsPerTarget() + "名（已排除申报回避的人员），请扩大检查人员名录范围",
                        "Fewer than " + inputs.inspectorsPerTarget() + " inspectors without a conflict for " + candidate.id());
            }
            targets.add(new Target(candidate.id(), candidate.riskClass(), List.copyOf(inspectors), List.copyOf(skipped)));
        }
        return targets;
    }

    /** Step 3's order of the pool for one target: sorted by user id, then shuffled completely with its own label. */
    static List<String> inspectorOrder(byte[] seed, List<String> pool, String targetId) {
        List<String> shuffled = new ArrayList<>(pool.stream().sorted().toList());
        Stream stream = new Stream(seed, "inspectors/" + targetId);
        for (int i = 0; i < shuffled.size() - 1; i++) {
            Collections.swap(shuffled, i, i + stream.below(shuffled.size() - i));
        }
        return shuffled;
    }

    /**
     * A target's inspectors once a conflict is declared after the draw (回避, 行政处罚法第四十三条): the same rule as
     * step 3 — the target's shuffled pool in order, skipping everyone with a conflict for it — applied to the conflicts
     * known now. The inspectors without a new conflict keep their places; the next in the order replace the others.
     * Anyone can recompute it from the published draw and the declared conflicts.
     *
     * @return the inspectors, or an empty list when fewer than {@code inputs.inspectorsPerTarget()} remain
     */
    static List<String> reassign(String seedHex, Inputs inputs, String targetId, Set<String> conflicted) {
        List<String> inspectors = new ArrayList<>();
        for (String inspector : inspectorOrder(HexFormat.of().parseHex(seedHex), inputs.inspectors(), targetId)) {
            if (inspectors.size() == inputs.inspectorsPerTarget()) {
                break;
            }
            if (!conflicted.contains(inspector)) {
                inspectors.add(inspector);
            }
        }
        return inspectors.size() < inputs.inspectorsPerTarget() ? List.of() : List.copyOf(inspectors);
    }

    static String newSeed(java.security.SecureRandom random) {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    /** SHA-256 of the seed's bytes, hex: published before the inputs are frozen. */
    static String commitment(String seedHex) {
        return HexFormat.of().formatHex(sha256().digest(HexFormat.of().parseHex(seedHex)));
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 counter stream of one label. */
    static final class Stream {
        private final byte[] seed;
        private final byte[] label;
        private int counter;

        Stream(byte[] seed, String label) {
            this.seed = seed;
            this.label = label.getBytes(StandardCharsets.UTF_8);
        }

        BigInteger next() {
            MessageDigest sha = sha256();
            sha.update(seed);
            sha.update(label);
            sha.update((byte) 0);
            sha.update(ByteBuffer.allocate(4).putInt(counter++).array());
            byte[] hash = sha.digest();
            return new BigInteger(1, java.util.Arrays.copyOf(hash, 8));
        }

        /** Uniform in [0, n), without modulo bias. */
        int below(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("n must be positive");
            }
            BigInteger bound = BigInteger.valueOf(n);
            BigInteger limit = TWO_64.subtract(TWO_64.mod(bound));
            while (true) {
                BigInteger value = next();
                if (value.compareTo(limit) < 0) {
                    return value.mod(bound).intValue();
                }
            }
        }
    }
}
