"""Back-translation extract of the issue-16 sections: for each locale, the body lines of
pages/browse-safely.md and pages/privacy.md added since main (1501a3f), ids as in
npm run translations:extract (pages/<file>#body[i], i = index of the non-blank body line)."""
import os, re, subprocess
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = ROOT + "/docs/translation-review/issue16-pages"
BASE = '1501a3f'
NAMES = {'ar': 'Arabic', 'fa': 'Persian', 'ps': 'Pashto', 'ku': 'Kurmanji Kurdish', 'ru': 'Russian', 'en': 'English', 'tr': 'Turkish'}
commit = subprocess.check_output(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD'], text=True).strip()

def body(text):
    parts = text.split('\n---\n', 1)
    return parts[1] if text.startswith('---') else text

def plain(md):
    md = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', md)
    md = md.replace('**', '').replace('__', '')
    md = re.sub(r'^\s*(?:#{1,6}|[-*]|\d+\.)\s+', '', md)
    return md.strip().replace('|', '\\|')

def rows(loc, page):
    path = f'content/pages/{loc}/{page}.md'
    now = [l for l in body(open(f'{ROOT}/{path}').read()).split('\n') if l.strip()]
    old = set(l for l in body(subprocess.check_output(['git', '-C', ROOT, 'show', f'{BASE}:{path}'], text=True)).split('\n') if l.strip())
    out = []
    for i, l in enumerate(now):
        if l not in old:
            kind = 'heading' if l.startswith('#') else ('list item' if l.lstrip().startswith('- ') else 'paragraph')
            out.append((f'pages/{page}.md#body[{i}]', kind, plain(l)))
    return out

os.makedirs(OUT + '/extract', exist_ok=True)
counts = {}
for loc in ['ar', 'fa', 'ps', 'ku', 'ru', 'en', 'tr']:
    sections = []
    n = 0
    for page, title in [('browse-safely', 'Page 1: how to browse more safely'), ('privacy', 'Page 2: privacy')]:
        r = rows(loc, page)
        n += len(r)
        sections.append(f'## {title}\n\n| id | kind | text |\n|---|---|---|\n' + '\n'.join(f'| `{i}` | {k} | {t} |' for i, k, t in r) + '\n')
    counts[loc] = n
    if loc == 'tr':
        head = f"""# Turkish source of the issue-16 sections (for the person who compares, NOT for reviewers)

The Turkish source of every item in `extract/<locale>.md`, with the same ids. Give this file only
to the person who compares a back-translation with the source, after the back-translation is done.
Commit {commit}; regenerate after any change (see README.md).
"""
        open(f'{OUT}/source-tr.md', 'w').write(head + '\n' + '\n'.join(sections))
        continue
    head = f"""# Back-translation extract: {NAMES[loc]} ({loc}), new sections of two pages

These are new parts of two pages of a website for migrants and refugees in Türkiye (how to browse more
safely; privacy). They explain three features: checking an offer (a job, a journey, a marriage)
against warning signs, keeping some pages on the phone for use without internet, and having the
phone read a page aloud.

Translate every item into plain English, without looking at any other language version of the
site. Write what the text says, not what you think it means: keep odd wording odd. Note anything
that is unclear, stiff, or could be read two ways, and any sentence that promises more than it
should (for example that something keeps the reader safe, or that something is always deleted).
Text in quotation marks or a button name is the label of a button on the site.

Ids: `file#body[i]`, the i-th non-blank line of the page's text (0-based) at commit {commit}. The lines
between these items (older parts of the pages) are not part of this review.
"""
    open(f'{OUT}/extract/{loc}.md', 'w').write(head + '\n' + '\n'.join(sections))
print(counts)
