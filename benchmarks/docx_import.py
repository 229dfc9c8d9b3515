"""Word files from strangers: ``review import-docx`` timings and memory; prints, asserts nothing.

    uv run python benchmarks/docx_import.py [--counts 1000 6000 20000] [--bomb-gib 1]
                                            [--timeout 120]

* a returned DOCX of the EEF circular carrying N Word comments (each on its own words of a
  body paragraph, a third of them with a threaded reply): the time ``import_docx_comments``
  takes to bring them into a draft that has none, in a fresh process, with its peak memory;
* a zip bomb: a DOCX of about 1.1 MB whose ``word/document.xml`` expands to ``--bomb-gib``
  GiB: the time to refusal and the process's peak memory (``ru_maxrss``).

Each measurement runs in its own process (killed after ``--timeout`` seconds), so one's
memory does not count in the next (the peak is the child's own ``VmHWM`` where /proc has it:
``ru_maxrss`` would also count the parent's memory at the fork). Targets (issue 13, item 3):
time linear in the comment count, or an early refusal that gives the count; the bomb refused
under 300 MB.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
RT_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_EXTENDED = ("application/vnd.openxmlformats-officedocument.wordprocessingml."
               "commentsExtended+xml")
EEF = ROOT / "examples" / "circular-2565-eef.dladraft.json"


def _q(tag: str, ns: str = W) -> str:
    return f"{{{ns}}}{tag}"


def letter_docx() -> bytes:
    """The EEF circular as the program exports it, without comments."""
    sys.path.insert(0, str(ROOT))
    from dla_drafter import pipeline
    from dla_drafter.model.draftio import load_draft

    return pipeline.docx_bytes(load_draft(EEF), comments=False)


def with_comments(docx: bytes, count: int) -> bytes:
    """``docx`` with ``count`` Word comments (and a reply to every third) added as Word
    writes them: ranges around whole runs of the body's text paragraphs, the comments in
    ``comments.xml``, the threads in ``commentsExtended.xml``."""
    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(docx))
    document = etree.fromstring(source.read("word/document.xml"))
    paragraphs = [p for p in document.iter(_q("p"))
                  if "".join(t.text or "" for t in p.iter(_q("t"))).strip()]
    comments = etree.Element(_q("comments"), nsmap={"w": W, "w14": W14})
    extended = etree.Element(_q("commentsEx", W15), nsmap={"w15": W15})
    next_id = 0

    def comment(text: str) -> tuple[int, str]:
        nonlocal next_id
        cid, para_id = next_id, f"{0x10000000 + next_id:08X}"
        next_id += 1
        element = etree.SubElement(comments, _q("comment"), {
            _q("id"): str(cid), _q("author"): "นางสาวศรีสุดา ใจดี", _q("initials"): "ศจ",
            _q("date"): "2026-12-01T10:20:00Z"})
        p = etree.SubElement(element, _q("p"), {_q("paraId", W14): para_id})
        etree.SubElement(etree.SubElement(p, _q("r")), _q("t")).text = text
        return cid, para_id

    for n in range(count):
        paragraph = paragraphs[n % len(paragraphs)]
        runs = [r for r in paragraph if r.tag == _q("r") and r.find(_q("t")) is not None]
        if not runs:
            continue
        ids = [comment(f"ความเห็นที่ {n + 1}")]
        etree.SubElement(extended, _q("commentEx", W15),
                         {_q("paraId", W15): ids[0][1], _q("done", W15): "0"})
        if n % 3 == 0:
            ids.append(comment(f"ตอบความเห็นที่ {n + 1}"))
            etree.SubElement(extended, _q("commentEx", W15), {
                _q("paraId", W15): ids[1][1], _q("paraIdParent", W15): ids[0][1],
                _q("done", W15): "0"})
        for cid, _ in ids:
            runs[0].addprevious(etree.Element(_q("commentRangeStart"), {_q("id"): str(cid)}))
            end = etree.Element(_q("commentRangeEnd"), {_q("id"): str(cid)})
            runs[-1].addnext(end)
            reference = etree.Element(_q("r"))
            etree.SubElement(reference, _q("commentReference"), {_q("id"): str(cid)})
            end.addnext(reference)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                data = etree.tostring(document, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    f'<Override PartName="/word/comments.xml" ContentType="{CT_COMMENTS}"/>'
                    f'<Override PartName="/word/commentsExtended.xml" '
                    f'ContentType="{CT_EXTENDED}"/></Types>').encode())
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdC1" Type="{RT_COMMENTS}" Target="comments.xml"/>'
                    f'<Relationship Id="rIdC2" Type="{RT_EXTENDED}" '
                    f'Target="commentsExtended.xml"/></Relationships>').encode())
            target.writestr(info, data)
        for name, element in (("word/comments.xml", comments),
                              ("word/commentsExtended.xml", extended)):
            target.writestr(name, etree.tostring(element, xml_declaration=True,
                                                 encoding="UTF-8", standalone=True))
    return out.getvalue()


def bomb(docx: bytes, gib: float) -> bytes:
    """``docx`` whose ``word/document.xml`` is ``gib`` GiB: the real part, then spaces
    (deflate packs a run of one byte about 1000:1, so the file stays near 1 MB a GiB)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info.filename))
                continue
            real = source.read(info.filename)
            head, tail = real.split(b"<w:body>", 1)
            size = int(gib * 1024**3)
            chunk = b" " * (16 * 1024 * 1024)
            member = zipfile.ZipInfo(info.filename, info.date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            with target.open(member, "w", force_zip64=True) as part:
                part.write(head + b"<w:body>")
                written = len(head) + 8
                while written < size - len(tail):
                    piece = chunk[: size - len(tail) - written]
                    part.write(piece)
                    written += len(piece)
                part.write(tail)
    return out.getvalue()


CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from dla_drafter.model.draftio import load_draft
from dla_drafter.review.docx_import import import_docx_comments
letter = load_draft(sys.argv[2])
started = time.perf_counter()
try:
    summary = import_docx_comments(letter, sys.argv[3])
    result = {"imported": len(summary.imported), "replies": summary.replies}
except Exception as exc:
    result = {"refused": type(exc).__name__, "message": str(exc).splitlines()[-1][:200]}
result["seconds"] = time.perf_counter() - started
# VmHWM is this process's own peak; ru_maxrss also counts the parent's memory at the fork
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
except (OSError, IndexError, ValueError):
    pass
result["peak_mb"] = peak
print(json.dumps(result, ensure_ascii=False))
"""


def measure(docx: Path, timeout: float) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(EEF), str(docx)],
                              capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"killed_after": timeout}
    if done.returncode != 0:
        return {"crashed": done.stderr.strip().splitlines()[-1][:200]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="*", default=[1000, 6000, 20000])
    parser.add_argument("--bomb-gib", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    base = letter_docx()
    with tempfile.TemporaryDirectory(prefix="dla-bench-docx-") as folder:
        for count in args.counts:
            path = Path(folder) / f"comments-{count}.docx"
            path.write_bytes(with_comments(base, count))
            size = path.stat().st_size / 1024
            print(f"{count:6d} comments ({size:,.0f} KiB): "
                  f"{json.dumps(measure(path, args.timeout), ensure_ascii=False)}", flush=True)
        if args.bomb_gib > 0:
            path = Path(folder) / "bomb.docx"
            started = time.perf_counter()
            path.write_bytes(bomb(base, args.bomb_gib))
            made = time.perf_counter() - started
            size = path.stat().st_size / 1024**2
            print(f"bomb {args.bomb_gib:g} GiB in {size:.1f} MB (made in {made:.0f} s): "
                  f"{json.dumps(measure(path, args.timeout), ensure_ascii=False)}", flush=True)


if __name__ == "__main__":
    main()
