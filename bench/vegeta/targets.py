#!/usr/bin/env python3
"""Vegeta targets (JSON lines) for POST /api/v1/predict, the same flights as bench/wrk/predict.lua.

usage: targets.py URL TOKENS_FILE HIT_RATIO COUNT [--hot]

HIT_RATIO of the COUNT targets come from the fixed hot set of 100 flights (cache hits once seen),
the rest are fresh flights (random position and pilot hours: cache misses that run the model); each
target carries a bearer token, round robin over TOKENS_FILE. --hot writes the 100 hot flights once
(the warm-up that makes them hits). vegeta sends the targets in order, once each at most when COUNT
covers rate x duration.
"""
import base64
import json
import random
import sys


def flight(lat, lon, hours):
    return ('{"eventDate":"2019-07-14","localHour":15,"latitude":%.6f,"longitude":%.6f,"state":"CO",'
            '"lightCondition":"DAYL","weatherCondition":"VMC","aircraftCategory":"AIR","make":"Cessna","engineCount":1,'
            '"engineType":"REC","farPart":"091","flightPurpose":"PERS","flightPhase":"TAKEOFF","pilotAge":54,'
            '"pilotCertificate":"PRI","pilotTotalHours":%.3f}') % (lat, lon, hours)


def main(argv):
    if len(argv) < 5:
        sys.stderr.write(__doc__)
        return 2
    url, tokens_file, ratio, count = argv[1], argv[2], float(argv[3]), int(argv[4])
    hot_only = "--hot" in argv[5:]
    tokens = [line.strip() for line in open(tokens_file) if line.strip()]
    hot = [flight(30 + i * 0.1, -100 - i * 0.1, 100 + i) for i in range(1, 101)]
    rng = random.Random()
    bodies = hot if hot_only else (
        hot[rng.randrange(100)] if rng.random() < ratio
        else flight(25 + rng.random() * 24, -124 + rng.random() * 57, rng.random() * 20000)
        for _ in range(count))
    out = sys.stdout
    for i, body in enumerate(bodies):
        out.write(json.dumps({
            "method": "POST", "url": url,
            "body": base64.b64encode(body.encode()).decode(),
            "header": {"Content-Type": ["application/json"], "Authorization": ["Bearer " + tokens[i % len(tokens)]]},
        }, separators=(",", ":")))
        out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
