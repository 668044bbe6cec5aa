"""One table of measurements and their targets; non-zero exit when a target is missed."""


class Report:
    def __init__(self, title):
        self.title = title
        self.rows = []

    def ratio(self, name, ours, theirs, target, detail=""):
        value = ours / theirs if theirs else float("inf")
        detail = detail or f"{ours:,.0f} vs {theirs:,.0f} req/s"
        self.value(name, value, unit="x", target=target, detail=detail)

    def value(self, name, value, unit="", target=None, lower_is_better=False, detail=""):
        ok, bound = None, ""
        if target is not None:
            ok = value <= target if lower_is_better else value >= target
            bound = f"<= {target:g}" if lower_is_better else f">= {target:g}"
        self.rows.append((name, f"{value:,.2f}{unit}", bound, ok, detail))

    def finish(self):
        width = max(len(row[0]) for row in self.rows)
        print(f"\n## {self.title}\n")
        print(f"| {'measure'.ljust(width)} | value | target | ok | detail |")
        print(f"|{'-' * (width + 2)}|-------|--------|----|--------|")
        for name, value, bound, ok, detail in self.rows:
            mark = "-" if ok is None else ("yes" if ok else "NO")
            print(f"| {name.ljust(width)} | {value} | {bound} | {mark} | {detail} |")
        missed = [row[0] for row in self.rows if row[3] is False]
        if missed:
            print(f"\nMissed: {', '.join(missed)}")
        return 1 if missed else 0
