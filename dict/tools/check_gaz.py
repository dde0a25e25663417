#!/usr/bin/python3
"""Check dict/gaz/*.tsv against the gazetteer schema (dict/gaz/README.md).

Checks: UTF-8, no CR, no BOM, no stray whitespace around fields, field counts
per kind, allowed classes, ISO3 codes present in iso-codes, CAMEO codes are
real 3-digit CAMEO 1.1b3 codes (with the matching short label), org codes
look like codes, no identical line twice (across all files), every ISO 3166-1
code accounted for in countries.tsv, and no surface with the same kind in
two files (payload order of one surface must not depend on file order).  Prints a count per kind; exits 1 on any
error.

Usage: /usr/bin/python3 dict/tools/check_gaz.py [GAZ_DIR]
"""
import glob
import json
import os
import re
import sys

ISO_JSON = '/usr/share/iso-codes/json/iso_3166-1.json'

# CAMEO 1.1b3 (Schrodt 2012) three-digit event codes and the short labels
# used in triggers.tsv.
CAMEO = {
    '010': 'make statement', '011': 'decline comment',
    '012': 'make pessimistic comment', '013': 'make optimistic comment',
    '014': 'consider policy option', '015': 'acknowledge responsibility',
    '016': 'deny responsibility', '017': 'engage in symbolic act',
    '018': 'make empathetic comment', '019': 'express accord',
    '020': 'make appeal or request', '021': 'appeal for material cooperation',
    '022': 'appeal for diplomatic cooperation', '023': 'appeal for aid',
    '024': 'appeal for political reform', '025': 'appeal to yield',
    '026': 'appeal to meet or negotiate', '027': 'appeal to settle dispute',
    '028': 'appeal to accept mediation',
    '030': 'express intent to cooperate',
    '031': 'express intent to engage in material cooperation',
    '032': 'express intent to provide diplomatic cooperation',
    '033': 'express intent to provide aid',
    '034': 'express intent to institute political reform',
    '035': 'express intent to yield',
    '036': 'express intent to meet or negotiate',
    '037': 'express intent to settle dispute',
    '038': 'express intent to accept mediation',
    '039': 'express intent to mediate',
    '040': 'consult', '041': 'discuss by telephone', '042': 'make a visit',
    '043': 'host a visit', '044': 'meet at third location', '045': 'mediate',
    '046': 'engage in negotiation',
    '050': 'engage in diplomatic cooperation', '051': 'praise or endorse',
    '052': 'defend verbally', '053': 'rally support',
    '054': 'grant diplomatic recognition', '055': 'apologize', '056': 'forgive',
    '057': 'sign formal agreement',
    '060': 'engage in material cooperation', '061': 'cooperate economically',
    '062': 'cooperate militarily', '063': 'engage in judicial cooperation',
    '064': 'share intelligence or information',
    '070': 'provide aid', '071': 'provide economic aid',
    '072': 'provide military aid', '073': 'provide humanitarian aid',
    '074': 'provide military protection or peacekeeping', '075': 'grant asylum',
    '080': 'yield', '081': 'ease administrative sanctions',
    '082': 'ease political dissent',
    '083': 'accede to demands for political reform', '084': 'return, release',
    '085': 'ease economic sanctions', '086': 'allow international involvement',
    '087': 'de-escalate military engagement',
    '090': 'investigate', '091': 'investigate crime, corruption',
    '092': 'investigate human rights abuses',
    '093': 'investigate military action', '094': 'investigate war crimes',
    '100': 'demand', '101': 'demand material cooperation',
    '102': 'demand diplomatic cooperation', '103': 'demand material aid',
    '104': 'demand political reform', '105': 'demand that target yields',
    '106': 'demand meeting, negotiation', '107': 'demand settling of dispute',
    '108': 'demand mediation',
    '110': 'disapprove', '111': 'criticize or denounce', '112': 'accuse',
    '113': 'rally opposition', '114': 'complain officially',
    '115': 'bring lawsuit', '116': 'find guilty or liable',
    '120': 'reject', '121': 'reject material cooperation',
    '122': 'reject request for material aid',
    '123': 'reject request for political reform', '124': 'refuse to yield',
    '125': 'reject proposal to meet or negotiate', '126': 'reject mediation',
    '127': 'reject plan to settle dispute', '128': 'defy norms, law',
    '129': 'veto',
    '130': 'threaten', '131': 'threaten non-force',
    '132': 'threaten with administrative sanctions',
    '133': 'threaten with political dissent', '134': 'threaten to halt negotiations',
    '135': 'threaten to halt mediation',
    '136': 'threaten to halt international involvement',
    '137': 'threaten with repression', '138': 'threaten with military force',
    '139': 'give ultimatum',
    '140': 'engage in political dissent', '141': 'demonstrate or rally',
    '142': 'conduct hunger strike', '143': 'conduct strike or boycott',
    '144': 'obstruct passage, block', '145': 'protest violently, riot',
    '150': 'demonstrate military or police power',
    '151': 'increase police alert status',
    '152': 'increase military alert status',
    '153': 'mobilize or increase police power',
    '154': 'mobilize or increase armed forces',
    '160': 'reduce relations', '161': 'reduce or break diplomatic relations',
    '162': 'reduce or stop material aid',
    '163': 'impose embargo, boycott or sanctions', '164': 'halt negotiations',
    '165': 'halt mediation', '166': 'expel or withdraw',
    '170': 'coerce', '171': 'seize or damage property',
    '172': 'impose administrative sanctions',
    '173': 'arrest, detain or charge', '174': 'expel or deport individuals',
    '175': 'use violent repression',
    '180': 'use unconventional violence', '181': 'abduct, hijack or take hostage',
    '182': 'physically assault', '183': 'conduct bombing',
    '184': 'use as human shield', '185': 'attempt to assassinate',
    '186': 'assassinate',
    '190': 'use conventional military force', '191': 'impose blockade',
    '192': 'occupy territory', '193': 'fight with small arms and light weapons',
    '194': 'fight with artillery and tanks', '195': 'employ aerial weapons',
    '196': 'violate ceasefire',
    '200': 'use unconventional mass violence', '201': 'engage in mass expulsion',
    '202': 'engage in mass killings', '203': 'engage in ethnic cleansing',
    '204': 'use weapons of mass destruction',
}

PLACE_CLASSES = {'capital', 'city', 'province', 'state', 'region', 'sea',
                 'strait', 'gulf', 'ocean', 'island', 'continent', 'mountain',
                 'river'}
SCHEMA = {
    # kind: (number of fields after kind, checker or None)
    'country': 1, 'abbr': 1, 'org': 2, 'mil': 1, 'gov': (1, 2), 'title': 1,
    'place': 2, 'placesuffix': 1, 'namesuffix': 1, 'trigger': (3, 4),
    'surname': 1, 'person': (1, 3), 'cue': 1, 'cal': (1, 6), 'tgram': (1, 2),
}
MIL = {'armed', 'army', 'navy', 'airforce', 'rocket', 'unit', 'personnel'}
GOV = {'ministry', 'leader', 'body'}
TITLE = {'GOV', 'MIL'}
PLACESUFFIX = PLACE_CLASSES | {'facility'}
NAMESUFFIX = {'exercise', 'competition', 'meeting', 'event', 'document',
              'equipment', 'unit', 'operation', 'project', 'other'}
# withdrawn ISO 3166-1 alpha-3 codes (ISO 3166-3) still used for history
HISTORIC = {'SUN', 'YUG', 'CSK', 'DDR'}
HINTS = {'-', 'light', 'weak', 'lv', 'say', 'recv'}


PD = {'MO', 'MI', 'AF', 'EV', 'NI'}


def cal_check(where, surface, f, err):
    """kind cal (calendar.tsv): lunar years, zodiac/ganzhi names, holidays"""
    def num(x, lo, hi):
        return re.fullmatch(r'\d+', x) and lo <= int(x) <= hi
    a = f[0]
    if a == 'lunar':
        if not (re.fullmatch(r'lunar\d{4}', surface) and len(f) == 6
                and re.fullmatch(r'0[12]\d\d', f[1]) and num(f[2], 0, 12)
                and re.fullmatch(r'[01]{12,13}', f[3])
                and (len(f[3]) == 13) == (f[2] != '0')
                and re.fullmatch(r'040[3-6]', f[4]) and re.fullmatch(r'122[0-3]', f[5])):
            err(where, 'bad lunar year line %r' % '\t'.join(f))
    elif a == 'zodiac':
        if len(f) != 2 or not num(f[1], 0, 11):
            err(where, 'bad zodiac line')
    elif a == 'ganzhi':
        if len(f) != 2 or not num(f[1], 0, 59):
            err(where, 'bad ganzhi line')
    elif a == 'lunar_month':
        if len(f) != 2 or not num(f[1], 1, 12):
            err(where, 'bad lunar_month line')
    elif a == 'lunar_prefix':
        if len(f) != 1:
            err(where, 'bad lunar_prefix line')
    elif a in ('rel_year', 'rel_month', 'rel_day', 'rel_century', 'weekend', 'fixed'):
        if len(f) != 2 or not re.fullmatch(r'-?\d{1,3}', f[1]):
            err(where, 'bad %s line' % a)
    elif a == 'rel_daypart':
        if len(f) != 3 or not re.fullmatch(r'-?\d{1,3}', f[1]) or f[2] not in PD:
            err(where, 'bad rel_daypart line')
    elif a in ('daypart', 'meal'):
        if len(f) != 3 or f[1] not in ('0', '1', '12') or f[2] not in PD | {'-'}:
            err(where, 'bad daypart line')
    elif a == 'holiday':
        how = f[1] if len(f) > 1 else ''
        ok = ((how in ('solar', 'lunar') and len(f) == 4 and num(f[2], 1, 12)
               and num(f[3], 1, 31)) or (how == 'lunar_eve' and len(f) == 2)
              or (how == 'term' and len(f) == 3 and f[2] in ('qingming', 'dongzhi'))
              or (how == 'nth' and len(f) == 5 and num(f[2], 1, 12)
                  and num(f[3], 1, 5) and num(f[4], 1, 7)))
        if not ok:
            err(where, 'bad holiday line %r' % '\t'.join(f))
    else:
        err(where, 'bad cal class %r' % a)


def main():
    gaz = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..', 'gaz')
    iso = {e['alpha_3'] for e in
           json.load(open(ISO_JSON, encoding='utf-8'))['3166-1']}
    errors = []
    counts = {}
    seen = {}

    def err(where, msg):
        errors.append('%s: %s' % (where, msg))

    def iso3(where, code, allow_dash=False):
        if allow_dash and code == '-':
            return
        if code not in iso and code not in HISTORIC:
            err(where, 'not an ISO 3166-1 alpha-3 code: %r' % code)

    countries_codes = set()
    kind_file = {}     # (surface, kind) -> first file: must not span files
    files = sorted(glob.glob(os.path.join(gaz, '*.tsv')))
    if not files:
        err(gaz, 'no .tsv files')
    for path in files:
        name = os.path.basename(path)
        raw = open(path, 'rb').read()
        if b'\r' in raw:
            err(name, 'contains CR (CRLF line ends?)')
        if raw.startswith(b'\xef\xbb\xbf'):
            err(name, 'starts with a BOM')
        if raw and not raw.endswith(b'\n'):
            err(name, 'no final newline')
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError as e:
            err(name, 'not UTF-8: %s' % e)
            continue
        for n, line in enumerate(text.split('\n')[:-1] if text.endswith('\n')
                                 else text.split('\n'), 1):
            where = '%s:%d' % (name, n)
            if name == 'countries.tsv':
                m = re.match(r'# ([A-Z]{3}) ', line)
                if m:
                    countries_codes.add(m.group(1))
            if not line.strip() or line.startswith('#'):
                continue
            f = line.split('\t')
            if any(x != x.strip() or x == '' for x in f):
                err(where, 'empty field or stray whitespace: %r' % line)
            if len(f) < 2:
                err(where, 'no kind: %r' % line)
                continue
            surface, kind, fields = f[0], f[1], f[2:]
            if kind not in SCHEMA:
                err(where, 'unknown kind %r' % kind)
                continue
            want = SCHEMA[kind]
            lo, hi = want if isinstance(want, tuple) else (want, want)
            if not lo <= len(fields) <= hi:
                err(where, '%s needs %s field(s), has %d: %r'
                    % (kind, lo if lo == hi else '%d-%d' % (lo, hi),
                       len(fields), line))
                continue
            if re.search(r'\s', surface):
                err(where, 'whitespace in surface %r' % surface)
            if line in seen:
                err(where, 'duplicate of %s' % seen[line])
            else:
                seen[line] = where
            counts[kind] = counts.get(kind, 0) + 1
            first = kind_file.setdefault((surface, kind), name)
            if first != name and kind not in ('cue', 'tgram'):  # sets: order-free
                err(where, '%s %s is also in %s: keep one surface+kind in one '
                    'file so the reading order does not depend on file order'
                    % (surface, kind, first))
            a = fields[0]
            if kind == 'country':    # a group may list several codes
                for code in a.split(' '):
                    iso3(where, code)
            elif kind == 'abbr':
                iso3(where, a)
            elif kind == 'person':
                iso3(where, a, allow_dash=True)
            elif kind == 'place':
                iso3(where, a, allow_dash=True)
                if fields[1] not in PLACE_CLASSES:
                    err(where, 'bad place class %r' % fields[1])
            elif kind == 'org':
                if not re.fullmatch(r'[A-Z][A-Z0-9]{1,9}', a):
                    err(where, 'bad org code %r' % a)
            elif kind == 'mil' and a not in MIL:
                err(where, 'bad mil class %r' % a)
            elif kind == 'gov':
                if a not in GOV:
                    err(where, 'bad gov class %r' % a)
                if len(fields) > 1:
                    iso3(where, fields[1], allow_dash=True)
            elif kind == 'title' and a not in TITLE:
                err(where, 'bad title sector %r' % a)
            elif kind == 'placesuffix' and a not in PLACESUFFIX:
                err(where, 'bad placesuffix class %r' % a)
            elif kind == 'namesuffix' and a not in NAMESUFFIX:
                err(where, 'bad namesuffix class %r' % a)
            elif kind == 'cue' and not re.fullmatch(r'[a-z][a-z0-9_]*', a):
                err(where, 'cue class must be a lower-case identifier: %r' % a)
            elif kind == 'tgram':
                if not re.fullmatch(r'[a-z][a-z0-9_]*', a):
                    err(where, 'tgram class must be a lower-case identifier: %r' % a)
                if len(fields) > 1 and not re.fullmatch(r'-?\d{1,5}|no', fields[1]):
                    err(where, 'tgram value must be an integer or no: %r' % fields[1])
            elif kind == 'cal':
                cal_check(where, surface, fields, err)
            elif kind == 'surname' and a != '-':
                err(where, 'surname field must be -')
            elif kind == 'trigger':
                code, label, hint = fields[:3]
                if len(fields) > 3 and any(
                        not w or re.search(r'\s', w)
                        for w in fields[3].split('|')):
                    err(where, 'bad context word list %r' % fields[3])
                if not re.fullmatch(r'\d{3}', code) or code not in CAMEO:
                    err(where, 'not a CAMEO 3-digit code: %r' % code)
                elif label != CAMEO[code]:
                    err(where, 'label %r != %r' % (label, CAMEO[code]))
                if hint not in HINTS:
                    err(where, 'bad argument hint %r' % hint)
            if kind == 'country' and name == 'countries.tsv':
                countries_codes.add(a)
    missing = iso - countries_codes
    if missing:
        err('countries.tsv', 'ISO codes not accounted for: %s'
            % ' '.join(sorted(missing)))
    sys.stdout.flush()
    for k in sorted(counts):
        print('%-12s %5d' % (k, counts[k]))
    print('%-12s %5d' % ('total', sum(counts.values())))
    sys.stdout.flush()
    for e in errors:
        print('ERROR', e, file=sys.stderr)
    if errors:
        print('%d error(s)' % len(errors), file=sys.stderr)
        return 1
    print('ok: %d files' % len(files))
    return 0


if __name__ == '__main__':
    sys.exit(main())
