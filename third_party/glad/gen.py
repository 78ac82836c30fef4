#!/usr/bin/env python3
"""Runs Debian's glad generator for GL 3.3 core and flattens its output into
OUTDIR/glad_gl.h and OUTDIR/glad_gl.c (meson wants fixed output names)."""
import os, shutil, subprocess, sys, tempfile

glad, outdir = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([glad, '--quiet', '--reproducible', '--api', 'gl:core=3.3',
                    '--extensions', 'GL_KHR_debug', '--out-path', tmp, 'c', '--loader'],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(tmp, 'include', 'glad', 'gl.h')) as f:
        hdr = f.read()
    with open(os.path.join(tmp, 'src', 'gl.c')) as f:
        src = f.read()
    src = src.replace('#include <glad/gl.h>', '#include "glad_gl.h"')
    with open(os.path.join(outdir, 'glad_gl.h'), 'w') as f:
        f.write(hdr)
    with open(os.path.join(outdir, 'glad_gl.c'), 'w') as f:
        f.write(src)
