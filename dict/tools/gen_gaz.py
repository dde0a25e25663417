#!/usr/bin/python3
"""Generate dict/gaz/countries.tsv (kind `country`) from Debian data packages.

Sources (read-only, stdlib only):
  iso-codes         /usr/share/iso-codes/json/iso_3166-1.json           (LGPL-2.1+)
                    /usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo   (zh_CN names)
  unicode-cldr-core /usr/share/unicode/cldr/common/main/zh.xml          (Unicode License)

For every ISO 3166-1 entry we collect the Chinese names of both sources
(CLDR default, alt="short", alt="variant"; iso-codes name, official_name,
common_name), drop a few known-bad iso-codes translations (typos and
Taiwan-usage names, listed in BAD below), add the ASCII-parenthesis twin of
every name written with full-width parentheses (刚果（金） -> 刚果(金)) and vice
versa, and write one `surface<TAB>country<TAB>ISO3` line per distinct name.
CLDR's default name comes first (it is the usual mainland news form).

A few entries are deliberately not emitted as `country` (see SKIP): Taiwan,
Hong Kong and Macao are `place` entries in places.tsv with their own ISO
3166-1 codes TWN, HKG, MAC (codes follow ISO 3166-1 as it is, like CAMEO,
ICEWS and GDELT; in news these names mostly name places, 台湾问题, 在香港,
and 台 is `abbr TWN` in countries-extra.tsv for 美台, 台方, 对台), Antarctica
is a continent in places.tsv, and the bare
name 中非 is almost always "China-Africa" in news, so only 中非共和国 is kept.
Each of those still gets a comment line, so every one of the 249 codes is
accounted for in the file.

News variants, abbreviations (俄, 美, 巴 ...) and other hand-made entries
live in countries-extra.tsv, not here.

Usage: /usr/bin/python3 dict/tools/gen_gaz.py [OUT]   (default dict/gaz/countries.tsv)
"""
import gettext
import json
import os
import sys
import xml.etree.ElementTree as ET

ISO_JSON = '/usr/share/iso-codes/json/iso_3166-1.json'
LOCALEDIR = '/usr/share/locale'
CLDR_ZH = '/usr/share/unicode/cldr/common/main/zh.xml'

# iso-codes zh_CN translations that are wrong or not mainland usage
# (the CLDR name, which is right, is used instead).
BAD = {
    '柬埔塞', '柬埔塞王国',            # KHM: typo for 柬埔寨
    '瓜地马拉', '瓜地马拉共和国',      # GTM: Taiwan usage; mainland 危地马拉
    '马尔他', '马尔他共和国',          # MLT: Taiwan usage; mainland 马耳他
    '梵地冈',                          # VAT: typo for 梵蒂冈
    '圣马力诺市',                      # SMR: that is the city
    '博兹瓦那', '博兹瓦那共和国',      # BWA: mainland 博茨瓦纳
    '米尼克共和国',                    # DMA: truncated (多米尼克国)
    '圣路西亚',                        # LCA: mainland 圣卢西亚
    '法属玻利尼西亚',                  # PYF: typo for 法属波利尼西亚
    '波利维亚',                        # BOL: typo for 玻利维亚
    '吉尔吉斯坦',                      # KGZ: mainland 吉尔吉斯斯坦
    '特里尼达和多巴哥', '特里尼达和多巴哥共和国',  # TTO: mainland 特立尼达
    '中国台湾省',                      # TWN: see SKIP
    '美属维京群岛',                    # VIR: Taiwan usage
    '巴勒斯坦领土',                    # PSE: CLDR default; news says 巴勒斯坦(国)
    '曼岛',                            # IMN: mainland 马恩岛
    '蒙塞拉特岛',                      # MSR: CLDR 蒙特塞拉特
    '皮特克恩',                        # PCN: CLDR 皮特凯恩群岛
}

# ISO3 -> reason: no `country` line is written (a comment is).
SKIP = {
    'TWN': '台湾 is tagged `place TWN region` in places.tsv, 台 `abbr TWN` in countries-extra.tsv',
    'HKG': '香港/中国香港特别行政区 are tagged `place HKG city` in places.tsv',
    'MAC': '澳门/中国澳门特别行政区 are tagged `place MAC city` in places.tsv',
    'ATA': '南极洲 is tagged `place - continent` in places.tsv',
}
# (ISO3, name) pairs that are dropped although correct: ambiguous in news.
DROP = {
    ('CAF', '中非'),   # 中非 = China-Africa (中非合作论坛); keep 中非共和国
}


def paren_twins(name):
    out = [name]
    if '（' in name or '）' in name:
        out.append(name.replace('（', '(').replace('）', ')'))
    if '(' in name or ')' in name:
        out.append(name.replace('(', '（').replace(')', '）'))
    return out


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..', 'gaz', 'countries.tsv')
    entries = json.load(open(ISO_JSON, encoding='utf-8'))['3166-1']
    tr = gettext.translation('iso_3166-1', localedir=LOCALEDIR,
                             languages=['zh_CN'])
    root = ET.parse(CLDR_ZH).getroot()
    cldr = {}
    for t in root.iter('territory'):
        cldr.setdefault(t.get('type'), {})[t.get('alt') or ''] = t.text

    lines = []
    for e in sorted(entries, key=lambda e: e['alpha_3']):
        a3, a2 = e['alpha_3'], e['alpha_2']
        if a3 in SKIP:
            lines.append('# %s %s: not a `country` line: %s' % (a3, e['name'], SKIP[a3]))
            continue
        names = []
        c = cldr.get(a2, {})
        for alt in ('', 'short', 'variant'):
            if c.get(alt):
                names.append(c[alt])
        for k in ('name', 'official_name', 'common_name'):
            if k in e:
                zh = tr.gettext(e[k])
                if zh != e[k]:          # untranslated: skip the English
                    names.append(zh)
        seen = []
        for n in names:
            n = n.strip()
            if not n or n in BAD or (a3, n) in DROP:
                continue
            for v in paren_twins(n):
                if v not in seen:
                    seen.append(v)
        if not seen:
            lines.append('# %s %s: no Chinese name in the sources' % (a3, e['name']))
            continue
        lines.append('# %s %s' % (a3, e['name']))
        for n in seen:
            lines.append('%s\tcountry\t%s' % (n, a3))

    head = [
        '# countries.tsv -- GENERATED by dict/tools/gen_gaz.py; do not edit by hand.',
        '# Chinese names of all ISO 3166-1 entries, kind `country`, field ISO3.',
        '# Sources: iso-codes (iso_3166-1.json + zh_CN translation; LGPL-2.1+) and',
        '# Unicode CLDR zh.xml territory names (Unicode License); see LICENSE-DATA.md.',
        '# Hand-made variants and abbreviations: countries-extra.tsv.',
        '# Entries: %d ISO codes, sorted by ISO3; the CLDR name of each comes first.' % len(entries),
    ]
    with open(out_path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(head + lines) + '\n')


if __name__ == '__main__':
    main()
