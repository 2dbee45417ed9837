#!/bin/sh
# Launcher of the 协同办公 (Xietong) client, installed by the xietong package.
# The program and everything it needs live in /opt/xietong (a PyInstaller bundle).
exec /opt/xietong/xietong "$@"
