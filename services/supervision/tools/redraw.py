#!/usr/bin/env python3
"""Re-runs a published 双随机 draw (sangeyipi-draw-v1) from its public record, independently of the
platform's code: checks the seed against its commitment and the frozen lists against their digest, then
redraws and compares. Standard library only. docs/supervision.md describes each step.

    curl -s http://<gateway>/api/supervision/public/plans/<plan id>/draw | python3 redraw.py
"""
import hashlib, json, math, sys

def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()

def redraw(record: dict) -> list:
    lists, draw = record["lists"], record["draw"]
    key_utf8 = lambda s: s.encode("utf-8")
    targets = sorted(lists["targets"], key=lambda t: key_utf8(t["targetId"]))
    inspectors = sorted(lists["inspectors"], key=lambda i: key_utf8(i["inspectorId"]))
    for i in inspectors:
        i["conflictingTargetIds"] = sorted(i.get("conflictingTargetIds", []), key=key_utf8)
    target_text = "".join(f'{t["targetId"]}\t{t["affiliatedUnitId"]}\t{t["stratum"]}\t{t["creditClass"]}\t{t.get("complaintCount", 0)}\n' for t in targets)
    inspector_text = "".join(f'{i["inspectorId"]}\t{i["unitId"]}\t{",".join(i["conflictingTargetIds"])}\n' for i in inspectors)
    p, pe, k = lists.get("proportionBasisPoints", 0), lists.get("elevatedProportionBasisPoints", 0), lists["inspectorsPerTarget"]
    parts = ["sangeyipi-draw-v1", record["planId"], sha256_hex(target_text.encode()), sha256_hex(inspector_text.encode()), str(p), str(pe), str(k)]
    lists_digest = sha256_hex("".join(x + "\n" for x in parts).encode())
    assert lists_digest == lists["listsDigest"], "the lists do not match their published digest"
    assert sha256_hex(bytes.fromhex(draw["seed"])) == record["seedCommitment"], "the seed does not match its commitment"

    key = hashlib.sha256(f'sangeyipi-draw-v1|{draw["seed"]}|{lists_digest}|{draw["witness"]}'.encode()).digest()
    state = {"counter": 0, "buffer": b""}
    def next_u32():
        if not state["buffer"]:
            state["buffer"] = hashlib.sha256(key + state["counter"].to_bytes(8, "big")).digest()
            state["counter"] += 1
        value, state["buffer"] = int.from_bytes(state["buffer"][:4], "big"), state["buffer"][4:]
        return value
    def below(n):
        limit = 2**32 - (2**32 % n)
        while True:
            x = next_u32()
            if x < limit:
                return x % n
    def pick(items, count):
        pool = list(items)
        for i in range(count):
            j = i + below(len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:count]

    regular = [t for t in targets if t["stratum"] == "DRAW_STRATUM_REGULAR"]
    elevated = [t for t in targets if t["stratum"] == "DRAW_STRATUM_ELEVATED"]
    selected = pick(regular, math.ceil(len(regular) * p / 10000)) + pick(elevated, math.ceil(len(elevated) * pe / 10000))
    selection = []
    for t in selected:
        eligible = [i for i in inspectors if i["unitId"] != t["affiliatedUnitId"] and t["targetId"] not in i["conflictingTargetIds"]]
        selection.append({"targetId": t["targetId"], "inspectorIds": [i["inspectorId"] for i in pick(eligible, k)]})
    return selection

if __name__ == "__main__":
    record = json.load(sys.stdin)
    selection = redraw(record)
    print(json.dumps(selection, ensure_ascii=False))
    print("matches the published selection" if selection == record["draw"]["selection"] else "DIFFERS from the published selection")
