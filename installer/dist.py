"""Build the client's packages on Linux and measure them: what `make dist` runs (scripts/dist.sh).

    python installer/dist.py all      [--out dist]   bundle, .deb, MSI and server wheel, then the figures
    python installer/dist.py bundle   [--out dist]   PyInstaller onedir bundle: OUT/xietong/
    python installer/dist.py deb      [--out dist]   OUT/xietong_<version>_<arch>.deb from OUT/xietong
    python installer/dist.py msi      [--out dist]   OUT/xietong-<version>-x64-linux-payload.msi (wixl)
    python installer/dist.py wheel    [--out dist]   OUT/xietong-<version>-py3-none-any.whl (the server installs it)
    python installer/dist.py figures  [--out dist]   print the dist.* figures of what OUT holds

Several steps can be named at once, in this order: `dist.py bundle deb msi`.

The MSI built here carries the *Linux* bundle as its payload: CI builds it to check the package's
tables (tests/packaging), never to install it on Windows. The MSI IT deploys comes from the
Windows build box (installer/windows/build.ps1, same .wxs, WiX toolset, Windows bundle).

Figures are printed as `name: value unit` lines (dist.bundle_mb, dist.deb_mb, dist.msi_mb,
dist.cold_start_ms, dist.warm_start_ms).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import versions  # noqa: E402

BUNDLE_NAME = "xietong"
PACKAGE = "xietong"
MSI_EXTRA_SECURE = ("SERVER_URL", "PKCS11_MODULE", "TRUST_ANCHORS")
# Bundled Qt needs these from the system: what PyInstaller leaves out on purpose (GL, EGL, xcb core)
# and the xcb helpers Qt's xcb platform plugin loads. Wayland's are recommended, not required.
DEB_DEPENDS = [
    "libegl1", "libgl1", "libfontconfig1", "libxkbcommon0", "libxkbcommon-x11-0",
    "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0", "libxcb-xkb1",
    "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei",
]
DEB_RECOMMENDS = ["libwayland-client0", "libwayland-cursor0", "libwayland-egl1", "libdbus-1-3"]


def log(message: str) -> None:
    print(f"dist: {message}", file=sys.stderr, flush=True)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    log("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def need_tools(*tools: str) -> None:
    missing = [t for t in tools if not shutil.which(t)]
    if missing:
        raise SystemExit(f"dist: missing {', '.join(missing)}; run `bash scripts/system-deps.sh --with-packaging` (as root)")


# ---------------------------------------------------------------- bundle

def build_bundle(out: Path) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("dist: PyInstaller is not installed; `.venv/bin/pip install -e '.[dist]'` (make dist does)") from None
    need_tools("objdump")  # PyInstaller's dependency analysis on Linux (binutils)
    run([sys.executable, ROOT / "scripts" / "compile_translations.py"])
    run([sys.executable, HERE / "make_icon.py", ROOT / "build" / "icons"])
    run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", out, "--workpath", ROOT / "build" / "pyinstaller", ROOT / "build_spec.spec"],
        cwd=ROOT,
    )
    bundle = out / BUNDLE_NAME
    smoke(bundle / BUNDLE_NAME)
    return bundle


def smoke(program: Path) -> float:
    """Run `program --smoke` headless in a throw-away home; return the wall time in ms."""
    with tempfile.TemporaryDirectory(prefix="xietong-dist-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XIETONG_HOME": home}
        start = time.perf_counter()
        proc = subprocess.run([str(program), "--smoke"], env=env, capture_output=True, text=True, timeout=120)
        elapsed = (time.perf_counter() - start) * 1000
    if proc.returncode != 0:
        raise SystemExit(f"dist: {program} --smoke failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return elapsed


# ---------------------------------------------------------------- .deb

def deb_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def glibc_needed(bundle: Path) -> str:
    """The newest GLIBC_x.y symbol version any ELF file in the bundle needs (-> libc6 (>= x.y))."""
    newest = (2, 17)
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as f:
            if f.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def build_deb(bundle: Path, out: Path) -> Path:
    need_tools("dpkg-deb", "objdump")
    version = versions.deb_version(versions.app_version())
    arch = deb_arch()
    stage = ROOT / "build" / "deb" / "root"
    if stage.exists():
        shutil.rmtree(stage)
    linux = HERE / "linux"
    icons = ROOT / "build" / "icons"
    if not (icons / "xietong-256.png").exists():
        run([sys.executable, HERE / "make_icon.py", icons])

    shutil.copytree(bundle, stage / "opt" / "xietong", symlinks=True)
    install(linux / "xietong.sh", stage / "usr" / "bin" / "xietong", 0o755)
    install(linux / "xietong.desktop", stage / "usr" / "share" / "applications" / "xietong.desktop")
    install(ROOT / "resources" / "icons" / "app.svg", stage / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "xietong.svg")
    install(icons / "xietong-48.png", stage / "usr" / "share" / "icons" / "hicolor" / "48x48" / "apps" / "xietong.png")
    install(icons / "xietong-256.png", stage / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "xietong.png")
    install(linux / "policy.ini", stage / "etc" / "xietong" / "policy.ini")
    install(linux / "copyright", stage / "usr" / "share" / "doc" / PACKAGE / "copyright")
    normalise_modes(stage)

    installed_kb = sum(p.lstat().st_size for p in stage.rglob("*") if not p.is_dir()) // 1024 + 1
    control = (linux / "control.in").read_text(encoding="utf-8").format(
        package=PACKAGE,
        version=version,
        arch=arch,
        installed_size=installed_kb,
        depends=", ".join([f"libc6 (>= {glibc_needed(bundle)})"] + DEB_DEPENDS),
        recommends=", ".join(DEB_RECOMMENDS),
    )
    debian = stage / "DEBIAN"
    debian.mkdir(parents=True)
    (debian / "control").write_text(control, encoding="utf-8")
    (debian / "conffiles").write_text("/etc/xietong/policy.ini\n", encoding="utf-8")
    # No maintainer scripts: dpkg's triggers refresh the menu and icon caches, nothing runs as root.
    normalise_modes(debian)

    target = out / f"{PACKAGE}_{version}_{arch}.deb"
    out.mkdir(parents=True, exist_ok=True)
    # xz: what Debian 10-based systems (统信UOS, 麒麟) still read; zstd would not be.
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", stage, target])
    return target


def install(src: Path, dst: Path, mode: int = 0o644) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    dst.chmod(mode)


def normalise_modes(top: Path) -> None:
    """Folders 755, files 644 or 755 (executables keep their x bit), whatever the umask was."""
    for path in [top, *top.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(0o755 if path.is_dir() or mode & 0o111 else 0o644)


# ---------------------------------------------------------------- MSI (wixl)

def build_msi(bundle: Path, out: Path) -> Path:
    """The MSI with the Linux bundle as payload, from the same .wxs the Windows build box uses."""
    need_tools("wixl", "msibuild", "msiinfo")
    version = versions.msi_version(versions.app_version())
    work = ROOT / "build" / "msi"
    work.mkdir(parents=True, exist_ok=True)
    icon = ROOT / "build" / "icons" / "xietong.ico"
    if not icon.exists():
        run([sys.executable, HERE / "make_icon.py", icon.parent])
    files_wxs = work / "files.wxs"
    run([sys.executable, HERE / "windows" / "make_filelist.py", bundle, files_wxs, "--main-exe", BUNDLE_NAME])
    target = out / f"{PACKAGE}-{version}-x64-linux-payload.msi"
    out.mkdir(parents=True, exist_ok=True)

    # wixl looks files up relative to the working directory (absolute paths are refused), and it
    # converts the tables' strings with the "Windows language" of the environment: zh_CN -> 936.
    env = {**os.environ, "WINDOWS_LANGUAGE": "zh_CN"}
    rel = lambda p: os.path.relpath(p, ROOT)  # noqa: E731
    run(
        ["wixl", "-a", "x64", "-D", f"Version={version}", "-D", f"BundleDir={rel(bundle)}",
         "-D", f"IconFile={rel(icon)}", "-D", "Toolchain=wixl", "-o", target,
         rel(HERE / "windows" / "xietong.wxs"), rel(files_wxs)],
        cwd=ROOT, env=env,
    )
    # What wixl 0.101 cannot say in the source (installer/README.md lists it): the string pool's
    # code page (936, so Windows shows 协同办公 whatever its own ANSI code page), the public
    # properties marked secure, and the summary's language (2052).
    codepage = work / "_ForceCodepage.idt"
    codepage.write_bytes(b"\r\n\r\n936\t_ForceCodepage\r\n")
    secure = msi_property(target, "SecureCustomProperties", env).split(";")
    secure += [p for p in MSI_EXTRA_SECURE if p not in secure]
    package_code = re.search(r"Revision number \(UUID\): (\{[0-9A-F-]+\})", run_out(["msiinfo", "suminfo", target], env)).group(1)
    subject = re.search(r"^Subject: (.*)$", run_out(["msiinfo", "suminfo", target], env), re.MULTILINE).group(1)
    run(
        ["msibuild", target, "-i", codepage,
         "-q", "UPDATE `Property` SET `Value` = '" + ";".join(p for p in secure if p) + "' WHERE `Property` = 'SecureCustomProperties'",
         "-s", subject, "Xietong", "x64;2052", package_code],
        env=env,
    )
    return target


def run_out(cmd: list, env: dict | None = None) -> str:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=True, env=env).stdout


def msi_property(msi: Path, name: str, env: dict | None = None) -> str:
    for line in run_out(["msiinfo", "export", msi, "Property"], env).splitlines():
        key, _, value = line.partition("\t")
        if key == name:
            return value.strip()
    return ""


# ---------------------------------------------------------------- server wheel

def build_wheel(out: Path) -> Path:
    """The Python package (client and server code; `pip install 'xietong[server]'` on a server)."""
    version = versions.app_version()
    for old in out.glob(f"{PACKAGE}-*.whl"):
        old.unlink()
    # setuptools builds in the tree (build/lib); a stale copy there would put deleted modules back.
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", out, ROOT])
    target = out / f"{PACKAGE}-{version}-py3-none-any.whl"
    if not target.exists():
        raise SystemExit(f"dist: pip wheel did not produce {target}")
    return target


# ---------------------------------------------------------------- figures

def drop_page_cache() -> bool:
    """Make the next start a cold one (root only; a container may refuse it)."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def mb(size: int) -> float:
    return round(size / (1024 * 1024), 1)


def figures(out: Path) -> list[tuple[str, float, str]]:
    bundle = out / BUNDLE_NAME
    program = bundle / BUNDLE_NAME
    found: list[tuple[str, float, str]] = []
    if bundle.is_dir():
        found.append(("dist.bundle_mb", mb(sum(p.lstat().st_size for p in bundle.rglob("*") if not p.is_dir())), "MB"))
    for name, pattern in (("dist.deb_mb", f"{PACKAGE}_*.deb"), ("dist.msi_mb", f"{PACKAGE}-*.msi")):
        matches = sorted(out.glob(pattern), key=lambda p: p.stat().st_mtime)
        if matches:
            found.append((name, mb(matches[-1].stat().st_size), "MB"))
    if program.exists():
        cold = drop_page_cache()
        if not cold:
            log("could not drop the page cache (needs root outside a container): dist.cold_start_ms is a first run, not a true cold start")
        found.append(("dist.cold_start_ms", round(smoke(program)), "ms"))
        found.append(("dist.warm_start_ms", round(statistics.median(smoke(program) for _ in range(5))), "ms"))
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="+", choices=("all", "bundle", "deb", "msi", "wheel", "figures"))
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the packages go (default dist/)")
    args = parser.parse_args(argv)
    steps = {"bundle", "deb", "msi", "wheel", "figures"} if "all" in args.what else set(args.what)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    bundle = out / BUNDLE_NAME
    if "bundle" in steps:
        build_bundle(out)
    if steps & {"deb", "msi"} and not bundle.is_dir():
        raise SystemExit(f"dist: no bundle at {bundle}; run `python installer/dist.py bundle` first")
    if "deb" in steps:
        log(f"built {build_deb(bundle, out)}")
    if "msi" in steps:
        log(f"built {build_msi(bundle, out)}")
    if "wheel" in steps:
        log(f"built {build_wheel(out)}")
    if "figures" in steps:
        for name, value, unit in figures(out):
            print(f"{name}: {value} {unit}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
