#!/usr/bin/env python3
"""Independent cross-check of Corridor's optimum.

Builds the literal linear program of the Corridor v1 contract (planning-model.md, section 2) from a
network file, solves it with scipy.optimize.linprog (HiGHS) and prints

    {"objective": ..., "status": "optimal", "columns": n, "rows": m}

It is written from the contract text alone and shares no code with Corridor (Swift/GLPK), so two
equal objectives mean two independent readings of the contract agree. The input is assumed to be
valid (run `corridor validate` first); this script does not re-implement the validator.

Usage:
    python3 crosscheck.py NETWORK.yaml|.json                  # print the independent optimum
    python3 crosscheck.py NETWORK.yaml --plan PLAN.json       # also compare with a Corridor plan
                                                              # (exit 1 if the objectives differ)
Requires Python 3, numpy, scipy and (for YAML) PyYAML.
"""
import argparse
import json
import sys
from collections import defaultdict

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog

TOLERANCE = 1e-6  # relative tolerance for --plan
TRUE_WORDS = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}


# ----------------------------------------------------------------------------- reading (§1, §4)

def load(path):
    """JSON, or YAML read with PyYAML's BaseLoader: every scalar stays its source text, so that
    `country: NO` is the string "NO" (§4.11). Numbers and booleans are converted where the
    contract expects them (num, integer, flag below)."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if path.endswith(".json"):
        return json.loads(text)
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except ValueError:
            pass  # a YAML flow document such as {periods: 3, ...}
    import yaml
    return merged(yaml.load(text, Loader=yaml.BaseLoader))


def merged(node):
    """YAML 1.1 merge keys, which BaseLoader leaves as ordinary "<<" keys: the keys of the merged
    mapping (or of each mapping in a list, earlier ones first) unless the mapping sets them itself.
    New objects are built, since an alias is the same Python object in every place it is used."""
    if isinstance(node, list):
        return [merged(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {}
    if "<<" in node:
        sources = node["<<"] if isinstance(node["<<"], list) else [node["<<"]]
        for source in sources:
            for key, value in merged(source).items():
                result.setdefault(key, value)
    for key, value in node.items():
        if key != "<<":
            result[key] = merged(value)
    return result


def num(v):
    return float(v)


def integer(v):  # integers may be written 3.0 (§4.10)
    return int(float(v))


def flag(v):
    return v is True or (isinstance(v, str) and v in TRUE_WORDS)


def ident(v):
    return v if isinstance(v, str) else json.dumps(v)


def vector(v, dims, default=None):
    """A vector as {dimension: value}; a plain number is the first dimension (§1, §4.9).
    Dimensions left out are absent: unlimited in a capacity, 0 in a cost or `uses`."""
    if v is None:
        return dict(default or {})
    if isinstance(v, dict):
        return {str(k): num(x) for k, x in v.items()}
    return {dims[0]: num(v)}


# ----------------------------------------------------------------------------- the network

class Network:
    def __init__(self, doc):
        self.H = H = integer(doc["periods"])
        self.dims = dims = [str(d) for d in doc.get("dimensions") or ["t"]]
        self.uses = {ident(c["id"]): vector(c.get("uses"), dims, {dims[0]: 1.0})
                     for c in doc["commodities"]}
        self.hubs = {}
        for h in doc["hubs"]:
            self.hubs[ident(h["id"])] = dict(
                country=ident(h["country"]), storage=vector(h.get("storage"), dims),
                handling=vector(h.get("handling"), dims), holding=vector(h.get("holding_cost"), dims))

        # Directed arcs: a both_ways link is two arcs with the same id and attributes (§1).
        self.arcs = []
        for l in doc["links"]:
            first, last = (integer(x) for x in l["open"]) if "open" in l else (0, H - 1)
            carries = l.get("carries")
            arc = dict(id=ident(l["id"]), transit=integer(l["transit"]),
                       cap=vector(l.get("capacity"), dims), cost=vector(l.get("cost"), dims),
                       open=(first, min(last, H - 1)),  # clipped to the horizon (§4.7)
                       carries=None if carries is None else {ident(k) for k in carries})
            ends = [(ident(l["from"]), ident(l["to"]))]
            if flag(l.get("both_ways", False)):
                ends.append(ends[0][::-1])
            for a, b in ends:
                self.arcs.append(dict(arc, frm=a, to=b))

        # Border rules by directed country pair; both_ways gives the reverse its own capacity.
        self.rules = {}
        for b in doc.get("borders") or []:
            rule = dict(delay=integer(b.get("delay", 0)),
                        by_commodity={ident(k): integer(v)
                                      for k, v in (b.get("delay_by_commodity") or {}).items()},
                        cap=vector(b.get("capacity"), dims), cost=vector(b.get("cost"), dims))
            pair = (ident(b["from"]), ident(b["to"]))
            self.rules[pair] = rule
            if flag(b.get("both_ways", False)):
                self.rules[pair[::-1]] = dict(rule)  # delay_by_commodity applies both ways (§4.5)
        agreements = [{ident(c) for c in a["members"]} for a in doc.get("agreements") or []]
        cd = doc.get("customs_default") or {}
        default_customs = dict(delay=integer(cd.get("delay", 0)), by_commodity={},
                               cap={}, cost=vector(cd.get("cost"), dims))  # no capacity (§4.4)

        # Customs on each arc: none within a country; an explicit rule wins; otherwise none inside
        # one agreement (not transitive: one agreement must list both); otherwise the default.
        for arc in self.arcs:
            a, b = self.hubs[arc["frm"]]["country"], self.hubs[arc["to"]]["country"]
            if a == b:
                arc["customs"], arc["rule"] = None, None
            elif (a, b) in self.rules:
                arc["customs"], arc["rule"] = self.rules[(a, b)], (a, b)
            elif any(a in g and b in g for g in agreements):
                arc["customs"], arc["rule"] = None, None
            else:
                arc["customs"], arc["rule"] = default_customs, None

        self.movements = []
        for m in doc["movements"]:
            self.movements.append(dict(
                id=ident(m["id"]), k=ident(m["commodity"]), frm=ident(m["from"]), to=ident(m["to"]),
                q=num(m["quantity"]), rel=integer(m.get("release", 0)),
                due=integer(m.get("due", H - 1)), late=num(m.get("late_penalty", 1)),
                unmet=num(m.get("unmet_penalty", 1000))))

    @staticmethod
    def delay(arc, k):
        c = arc["customs"]
        return 0 if c is None else c["by_commodity"].get(k, c["delay"])


# ----------------------------------------------------------------------------- the LP (§2)

def build(net):
    """Returns (c, A_eq, b_eq, A_ub, b_ub). Every variable of §2 is built (no pruning)."""
    H, dims = net.H, net.dims
    cost, cols_x = [], []            # cols_x: (column, movement, arc, depart, arrive)
    col_y, col_d, col_u = {}, {}, {}

    def column(c):
        cost.append(c)
        return len(cost) - 1

    for mi, m in enumerate(net.movements):
        k, w = m["k"], net.uses[m["k"]]
        for ai, arc in enumerate(net.arcs):
            if arc["carries"] is not None and k not in arc["carries"]:
                continue
            customs_cost = arc["customs"]["cost"] if arc["customs"] else {}
            unit = sum(w.get(D, 0.0) * (arc["cost"].get(D, 0.0) + customs_cost.get(D, 0.0))
                       for D in dims)
            for t in range(max(m["rel"], arc["open"][0]), arc["open"][1] + 1):
                arrive = t + arc["transit"] + net.delay(arc, k)
                if arrive <= H - 1:
                    cols_x.append((column(unit), mi, ai, t, arrive))
        for h, hub in net.hubs.items():
            unit = sum(w.get(D, 0.0) * hub["holding"].get(D, 0.0) for D in dims)
            for t in range(m["rel"], H - 1):
                col_y[(mi, h, t)] = column(unit)
        for t in range(m["rel"], H):
            col_d[(mi, t)] = column(m["late"] * max(0, t - m["due"]))
        col_u[mi] = column(m["unmet"])
    n = len(cost)

    # Flow balance, one row per (movement, hub, t >= release), written as
    #   departures + y[t] + d + u - arrivals - y[t-1] = supply.
    row, rhs = {}, []
    for mi, m in enumerate(net.movements):
        for h in net.hubs:
            for t in range(m["rel"], H):
                row[(mi, h, t)] = len(rhs)
                rhs.append(m["q"] if (h == m["frm"] and t == m["rel"]) else 0.0)
    er, ec, ev = [], [], []

    def eq(r, j, v):
        er.append(r), ec.append(j), ev.append(v)

    for j, mi, ai, t, arrive in cols_x:
        arc = net.arcs[ai]
        eq(row[(mi, arc["frm"], t)], j, 1.0)
        eq(row[(mi, arc["to"], arrive)], j, -1.0)
    for (mi, h, t), j in col_y.items():
        eq(row[(mi, h, t)], j, 1.0)
        eq(row[(mi, h, t + 1)], j, -1.0)
    for (mi, t), j in col_d.items():
        eq(row[(mi, net.movements[mi]["to"], t)], j, 1.0)
    for mi, j in col_u.items():
        m = net.movements[mi]
        eq(row[(mi, m["frm"], m["rel"])], j, 1.0)
    A_eq = sp.csr_matrix((ev, (er, ec)), shape=(len(rhs), n))

    # Capacities: one <= row per finite limit (key, dimension, period) that has a term.
    terms, limit = defaultdict(list), {}

    def load_on(key, caps, D, j, wk):
        if D in caps:
            terms[key + (D,)].append((j, wk))
            limit[key + (D,)] = caps[D]

    for j, mi, ai, t, arrive in cols_x:
        arc, w = net.arcs[ai], net.uses[net.movements[mi]["k"]]
        for D in dims:
            wk = w.get(D, 0.0)
            if wk == 0:
                continue  # a zero in `uses`: no limit touches the commodity (§4.9)
            load_on(("link", ai, t), arc["cap"], D, j, wk)
            if arc["rule"] is not None:  # loaded in the departure period (§4.4)
                load_on(("border", arc["rule"], t), arc["customs"]["cap"], D, j, wk)
            load_on(("handling", arc["frm"], t), net.hubs[arc["frm"]]["handling"], D, j, wk)
            load_on(("handling", arc["to"], arrive), net.hubs[arc["to"]]["handling"], D, j, wk)
    for (mi, h, t), j in col_y.items():
        w = net.uses[net.movements[mi]["k"]]
        for D in dims:
            if w.get(D, 0.0):
                load_on(("storage", h, t), net.hubs[h]["storage"], D, j, w[D])
    ur, uc, uv, ub = [], [], [], []
    for r, key in enumerate(terms):
        for j, v in terms[key]:
            ur.append(r), uc.append(j), uv.append(v)
        ub.append(limit[key])
    A_ub = sp.csr_matrix((uv, (ur, uc)), shape=(len(ub), n))
    # HiGHS drops matrix entries of magnitude 1e-9 or less (its small_matrix_value), which scipy does
    # not let us change: a commodity that uses 1e-9 t would not load a capacity at all. Scale each
    # capacity row so that its largest entry is 1 (the same LP). Entries more than 1e9 apart within
    # one row stay out of reach (a limit of this check, not of the model).
    ub = np.array(ub, dtype=float)
    if A_ub.shape[0]:
        largest = np.asarray(abs(A_ub).max(axis=1).todense()).ravel()
        largest[largest == 0] = 1.0
        A_ub = sp.diags(1.0 / largest) @ A_ub
        ub = ub / largest
    return np.array(cost), A_eq, np.array(rhs), A_ub, ub


def solve(path):
    net = Network(load(path))
    c, A_eq, b_eq, A_ub, b_ub = build(net)
    res = linprog(c, A_ub=A_ub if len(b_ub) else None, b_ub=b_ub if len(b_ub) else None,
                  A_eq=A_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    status = "optimal" if res.status == 0 else f"not optimal ({res.message})"
    return dict(objective=float(res.fun) if res.status == 0 else None, status=status,
                columns=len(c), rows=A_eq.shape[0] + A_ub.shape[0])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("network", help="network file (.yaml, .yml or .json)")
    ap.add_argument("--plan", help="a Corridor plan (`corridor plan FILE --format json`) to compare")
    args = ap.parse_args(argv)
    result = solve(args.network)
    if args.plan and result["status"] == "optimal":
        with open(args.plan, encoding="utf-8") as fh:
            theirs = float(json.load(fh)["objective"])
        ours = result["objective"]
        result["plan_objective"] = theirs
        result["agree"] = abs(theirs - ours) <= TOLERANCE * max(1.0, abs(ours), abs(theirs))
        print(f"independent optimum {ours!r}, Corridor plan objective {theirs!r}: "
              f"{'agree' if result['agree'] else 'DISAGREE'}", file=sys.stderr)
    print(json.dumps(result))
    return 0 if result["status"] == "optimal" and result.get("agree", True) else 1

if __name__ == "__main__":
    sys.exit(main())
