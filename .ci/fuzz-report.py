#!/usr/bin/env python3
"""Counts what a schemathesis run saw, from its NDJSON event report (--report ndjson).

    .ci/fuzz-report.py EVENTS.ndjson

Prints, with examples of each kind of offence before them, the lines

    fuzz: requests=N
    fuzz: 5xx=N
    fuzz: errors-not-problem-json=N
    fuzz: document-violations=N

and exits 1 when any of the last three is not zero, or when no request was made at all (a run that
tested nothing proves nothing). Standard library only: it runs with the machine's python3, not in
schemathesis' virtualenv.
"""
import base64
import collections
import json
import sys
from urllib.parse import urlsplit

PROBLEM_JSON = "application/problem+json"
# A document violation is an answer the OpenAPI document does not describe: a status, content type,
# header or body schema it does not list, or a request it says needs credentials answered without
# them. not_a_server_error is left out (every 5xx has its own line already). The checks that judge
# how strictly input is validated (valid-looking data refused, invalid data accepted, resources
# after deletion) are printed as advisories: they depend on what the generator can guess (an opaque
# cursor, a service name that exists), not on whether the answer matches the document.
DOCUMENT_CHECKS = {"status_code_conformance", "content_type_conformance", "response_schema_conformance",
                   "response_headers_conformance", "missing_required_header", "ignored_auth",
                   "unsupported_method"}
SERVER_ERROR_CHECK = "not_a_server_error"
EXAMPLES = 10
DISTINCT_VIOLATIONS = 20
BODY_CHARS = 200


def content_type(headers):
    for name, values in (headers or {}).items():
        if name.lower() == "content-type" and values:
            return values[0]
    return ""


def media_type(value):
    return value.split(";", 1)[0].strip().lower()


def body_text(content):
    if content is None:
        return ""
    if isinstance(content, dict) and "$base64" in content:
        text = base64.b64decode(content["$base64"]).decode("utf-8", "replace")
    else:
        text = str(content)
    return " ".join(text.split())[:BODY_CHARS]


def exchanges(path):
    """Every request the run recorded, with its answer (None when none came) and check results."""
    try:
        events = open(path, encoding="utf-8")
    except FileNotFoundError:
        print(f"no report at {path}: schemathesis wrote none")
        return
    with events:
        for line in events:
            event = json.loads(line)
            scenario = event.get("ScenarioFinished")
            if not scenario:
                continue
            recorder = scenario.get("recorder") or {}
            cases = recorder.get("cases", {})
            checks = recorder.get("checks", {})
            for case_id, interaction in recorder.get("interactions", {}).items():
                case = cases.get(case_id, {}).get("value", {})
                request = interaction.get("request", {})
                response = interaction.get("response")
                url = urlsplit(request.get("uri", ""))
                yield {
                    "method": request.get("method") or case.get("method", "?"),
                    # The operation's path template groups alike requests; the real path shows one.
                    "operation": case.get("path") or url.path,
                    "path": url.path + ("?" + url.query if url.query else ""),
                    "request_type": content_type(request.get("headers")),
                    "status": response.get("status_code") if response else None,
                    "content_type": content_type(response.get("headers")) if response else "",
                    "body": body_text(response.get("content")) if response else "",
                    "phase": scenario.get("phase", "?"),
                    "checks": checks.get(case_id, []),
                }


def describe(x):
    sent = f" (sent {x['request_type']})" if x["request_type"] else ""
    return "{method} {path}{sent} -> {status} [{content_type}] {body}".format(
        method=x["method"], path=x["path"][:150], sent=sent, status=x["status"],
        content_type=x["content_type"] or "no content type", body=x["body"] or "(empty body)")


def list_examples(title, offenders):
    """Up to EXAMPLES offending requests, one per kind (operation, content types, status), with counts."""
    kinds = collections.OrderedDict()
    for x in offenders:
        key = (x["method"], x["operation"], media_type(x["request_type"]), x["status"], media_type(x["content_type"]))
        kinds.setdefault(key, []).append(x)
    print(f"{title}: {len(offenders)} responses, {len(kinds)} kinds; up to {EXAMPLES}:")
    for same in list(kinds.values())[:EXAMPLES]:
        print(f"  {len(same)}x {describe(same[0])}")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    requests, server_errors, not_problem, unanswered = 0, [], [], []
    violations = collections.OrderedDict()
    violation_count = 0
    by_check = collections.Counter()
    advisories = collections.Counter()
    for x in exchanges(sys.argv[1]):
        requests += 1
        if x["status"] is None:
            unanswered.append(x)
            continue
        if x["status"] >= 500:
            server_errors.append(x)
        if x["status"] >= 400 and media_type(x["content_type"]) != PROBLEM_JSON:
            not_problem.append(x)
        failures = [c for c in x["checks"] if c.get("status") == "failure" and c.get("name") != SERVER_ERROR_CHECK]
        advisories.update(c["name"] for c in failures if c["name"] not in DOCUMENT_CHECKS)
        failed = [c for c in failures if c["name"] in DOCUMENT_CHECKS]
        if failed:
            violation_count += 1
        for check in failed:
            failure = (check.get("failure_info") or {}).get("failure", {})
            by_check[check["name"]] += 1
            key = (x["method"], x["operation"], x["status"], check["name"], failure.get("title", ""))
            violations.setdefault(key, {"count": 0, "example": x, "message": failure.get("message", "")})
            violations[key]["count"] += 1

    if server_errors:
        list_examples("5xx answers", server_errors)
    if not_problem:
        list_examples(f"error answers (>= 400) not {PROBLEM_JSON}", not_problem)
    if violations:
        print(f"document violations: {violation_count} responses failed {sum(by_check.values())} checks "
              f"({', '.join(f'{name} {n}' for name, n in by_check.most_common())}); "
              f"{len(violations)} distinct, first {DISTINCT_VIOLATIONS}:")
        for (method, operation, status, name, title), v in list(violations.items())[:DISTINCT_VIOLATIONS]:
            first_line = v["message"].strip().splitlines()[0] if v["message"].strip() else ""
            print(f"  {v['count']}x {method} {operation} -> {status}: {title or name} ({name}): {first_line}")
            print(f"      e.g. {describe(v['example'])}")
    if advisories:
        print("advisories (input strictness, not counted): "
              + ", ".join(f"{name} {n}" for name, n in advisories.most_common()))
    if unanswered:
        # Not counted here: a request cut off by --request-timeout, or a Mooring that died. The caller
        # judges those by schemathesis' exit code and by whether Mooring is still up.
        list_examples("requests without an answer (timeout or connection error)", unanswered)

    print(f"fuzz: requests={requests}")
    print(f"fuzz: 5xx={len(server_errors)}")
    print(f"fuzz: errors-not-problem-json={len(not_problem)}")
    print(f"fuzz: document-violations={violation_count}")
    offences = [name for name, n in (("5xx", len(server_errors)), ("errors-not-problem-json", len(not_problem)),
                                      ("document-violations", violation_count)) if n]
    if requests == 0:
        offences.append("no request was made")
    print(f"fuzzing failed: {', '.join(offences)}" if offences else "fuzzing passed")
    return 1 if offences else 0


if __name__ == "__main__":
    sys.exit(main())
