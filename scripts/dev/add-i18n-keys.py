#!/usr/bin/env python3
import json,os,sys
# Adds (or changes) i18n keys in both dictionaries and keeps them sorted.
# Usage: scripts/dev/add-i18n-keys.py < {"da": {...}, "en": {...}}
new=json.load(sys.stdin)
for lang in ("da","en"):
    p=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..')+f"/assets/i18n/{lang}.json"
    d=json.load(open(p,encoding="utf-8"))
    for k,v in new[lang].items():
        if k in d and d[k]!=v: print("changing",lang,k)
        d[k]=v
    d=dict(sorted(d.items()))
    open(p,"w",encoding="utf-8").write(json.dumps(d,ensure_ascii=False,indent=2)+"\n")
