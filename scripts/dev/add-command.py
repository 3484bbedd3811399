#!/usr/bin/env python3
import sys,re
# Registers Tauri commands in lib.rs, build.rs and the capability file.
# Usage: scripts/dev/add-command.py <module> <command> [<command> ...]
module=sys.argv[1]; cmds=sys.argv[2:]
import os; root=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..')+'/'
p=root+'src-tauri/src/lib.rs'; s=open(p).read()
anchor='        ])\n        .run('
s=s.replace(anchor,''.join(f'            {module}::{c},\n' for c in cmds)+anchor); open(p,'w').write(s)
p=root+'src-tauri/build.rs'; s=open(p).read()
i=s.index('const COMMANDS'); j=s.index('];',i)
s=s[:j]+''.join(f'    "{c}",\n' for c in cmds)+s[j:]; open(p,'w').write(s)
p=root+'src-tauri/capabilities/default.json'; s=open(p).read()
i=s.rindex('"allow-'); j=s.index('"',i+1)+1
s=s[:j]+''.join(f',\n    "allow-{c.replace("_","-")}"' for c in cmds)+s[j:]; open(p,'w').write(s)
