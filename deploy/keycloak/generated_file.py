"""What the realm generators share: write a generated file, or with --check say whether it is current."""
import pathlib
import sys


def write_or_check(path, text, script):
    """Rewrites ``path`` with ``text``; with --check only compares (exit status 1 when out of date)."""
    if "--check" in sys.argv[1:]:
        if not path.exists() or path.read_text() != text:
            print(f"{path} is out of date: run {pathlib.Path(script).name}", file=sys.stderr)
            return 1
        print(f"{path.name} is up to date")
        return 0
    path.write_text(text)
    print(f"wrote {path}")
    return 0
