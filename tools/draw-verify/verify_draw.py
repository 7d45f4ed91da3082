#!/usr/bin/env python3
"""Re-runs a Sunlight random inspection draw (algorithm sunlight-draw-v1) from its published record.

Usage:  curl -s https://<sunlight>/api/inspections/draws/<id>/verify > draw.json && python3 verify_draw.py draw.json

Independent of Sunlight's code: it follows docs/random-draw.md and uses the Python standard library only.
Exit code 0 when the seed matches its commitment and the recomputed result equals the recorded one.

The public record shows inspectors by name and credential number, not by login id: each has an ordinal, his place in
the pool sorted by the (unpublished) user id. Step 3 uses inspectors only through that order and through equality, so
the draw is re-run on the ordinals and compared ordinal for ordinal.
"""
import hashlib
import json
import sys
from decimal import Decimal, ROUND_CEILING


def stream(seed: bytes, label: str):
    """R(label, k): first 8 bytes (big-endian, unsigned) of SHA-256(seed || UTF-8(label) || 0x00 || uint32_be(k))."""
    k = 0
    while True:
        digest = hashlib.sha256(seed + label.encode("utf-8") + b"\x00" + k.to_bytes(4, "big")).digest()
        k += 1
        yield int.from_bytes(digest[:8], "big")


def below(numbers, n):
    """Uniform in [0, n) by rejection: accept R < 2^64 - (2^64 mod n), answer R mod n."""
    limit = 2 ** 64 - (2 ** 64 % n)
    while True:
        value = next(numbers)
        if value < limit:
            return value % n


def draw(seed_hex, inputs):
    seed = bytes.fromhex(seed_hex)
    groups = {}
    for candidate in sorted(inputs["population"], key=lambda c: c["id"]):
        groups.setdefault(candidate["riskClass"], []).append(candidate)
    chosen = []
    for risk_class in sorted(groups):
        members = list(groups[risk_class])
        rate = Decimal(str(inputs["sampleRates"][risk_class]))
        count = min(len(members), int((len(members) * rate).to_integral_value(rounding=ROUND_CEILING)))
        numbers = stream(seed, "targets/" + risk_class)
        for i in range(count):
            j = i + below(numbers, len(members) - i)
            members[i], members[j] = members[j], members[i]
        chosen.extend(members[:count])
    conflicts = {(c["ordinal"], c["entityId"]) for c in inputs["conflicts"]}
    pool = sorted(officer["ordinal"] for officer in inputs["inspectors"])
    targets = []
    for candidate in chosen:
        shuffled = list(pool)
        numbers = stream(seed, "inspectors/" + candidate["id"])
        for i in range(len(shuffled) - 1):
            j = i + below(numbers, len(shuffled) - i)
            shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
        inspectors, skipped = [], []
        for user in shuffled:
            if len(inspectors) == inputs["inspectorsPerTarget"]:
                break
            (skipped if (user, candidate["id"]) in conflicts else inspectors).append(user)
        if len(inspectors) < inputs["inspectorsPerTarget"]:
            raise ValueError("too few inspectors for " + candidate["id"])
        targets.append({"id": candidate["id"], "riskClass": candidate["riskClass"], "inspectors": inspectors,
                        "skipped": skipped})
    return targets


def ordinals(result):
    """A published result with each officer reduced to his ordinal."""
    return [{"id": t["id"], "riskClass": t["riskClass"], "inspectors": [o["ordinal"] for o in t["inspectors"]],
             "skipped": [o["ordinal"] for o in t["skipped"]]} for t in result]


def main(path):
    with open(path, encoding="utf-8") as f:
        record = json.load(f)
    commitment_ok = hashlib.sha256(bytes.fromhex(record["seed"])).hexdigest() == record["commitment"]
    recomputed = draw(record["seed"], record["inputs"])
    result_ok = recomputed == ordinals(record["recordedResult"])
    print(json.dumps({"commitmentMatchesSeed": commitment_ok, "resultReproduced": result_ok,
                      "recomputedResult": recomputed}, ensure_ascii=False, indent=2))
    return 0 if commitment_ok and result_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
